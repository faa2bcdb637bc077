package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.security.Caller;
import dev.vocloop.ticket.teams.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** A team's work queue: open tickets by priority, then by the deadline that comes first. */
@ApplicationScoped
public class QueueService {

    private final EntityManager em;
    private final TicketService tickets;

    public QueueService(EntityManager em, TicketService tickets) {
        this.em = em;
        this.tickets = tickets;
    }

    @Transactional
    public List<TicketView> queue(String team, Integer limit, Caller caller) {
        if (Team.findById(team) == null || !caller.maySee(team)) {
            throw ProblemException.notFound("no team " + team);
        }
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw ProblemException.invalidField("limit", "must be between 1 and 500");
        }
        // paused clocks have no running deadline and wait at the end of their priority
        List<Ticket> rows = em.createQuery("from Ticket t where t.team = :team and t.status in :open "
                        + "order by t.priority, t.nextDue nulls last, t.createdAt", Ticket.class)
                .setParameter("team", team).setParameter("open", TicketStatus.OPEN_STATUSES)
                .setMaxResults(n).getResultList();
        return rows.stream().map(tickets::view).toList();
    }
}
