package dev.vocloop.ticket.teams;

import dev.vocloop.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Teams and their calendars. */
@ApplicationScoped
public class TeamService {

    private final EntityManager em;

    public TeamService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<TeamView> list() {
        return Team.<Team>listAll(io.quarkus.panache.common.Sort.by("key")).stream().map(TeamView::of).toList();
    }

    @Transactional
    public TeamView get(String key) {
        return TeamView.of(find(key));
    }

    @Transactional
    public TeamView create(TeamRequest in) {
        if (Team.findById(in.key()) != null) {
            throw ProblemException.conflict("team " + in.key() + " already exists");
        }
        Team t = new Team();
        t.key = in.key();
        t.createdAt = Instant.now();
        apply(t, in);
        t.persist();
        em.flush();
        return TeamView.of(t);
    }

    @Transactional
    public TeamView replace(String key, TeamRequest in) {
        Team t = find(key);
        if (!key.equals(in.key())) {
            throw ProblemException.invalidField("key", "does not match the path");
        }
        if (in.version() != null && in.version() != t.version) {
            throw ProblemException.conflict("the team was changed meanwhile (version " + t.version + ")");
        }
        apply(t, in);
        em.flush();
        return TeamView.of(t);
    }

    @Transactional
    public void delete(String key, String defaultTeam) {
        Team t = find(key);
        if (key.equals(defaultTeam)) {
            throw ProblemException.conflict("the default team cannot be deleted");
        }
        long tickets = em.createQuery("select count(t) from Ticket t where t.team = :k", Long.class).setParameter("k", key).getSingleResult();
        if (tickets > 0) {
            throw ProblemException.conflict("team " + key + " still has " + tickets + " tickets");
        }
        long rules = (Long) em.createNativeQuery("select count(*) from routing_rules where action ->> 'team' = ?1", Long.class)
                .setParameter(1, key).getSingleResult();
        if (rules > 0) {
            throw ProblemException.conflict("team " + key + " is named by " + rules + " routing rules");
        }
        t.delete();
    }

    private static void apply(Team t, TeamRequest in) {
        BusinessCalendar calendar = in.calendar() == null ? BusinessCalendar.standard(BusinessCalendar.DEFAULT_TIMEZONE) : in.calendar();
        String problem = calendar.problem();
        if (problem != null) {
            throw ProblemException.invalidField("calendar", problem);
        }
        t.name = in.name().strip();
        t.members = in.members() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(in.members()));
        t.lead = in.lead();
        t.calendar = calendar;
        t.updatedAt = Instant.now();
    }

    private static Team find(String key) {
        Team t = Team.findById(key);
        if (t == null) {
            throw ProblemException.notFound("no team " + key);
        }
        return t;
    }
}
