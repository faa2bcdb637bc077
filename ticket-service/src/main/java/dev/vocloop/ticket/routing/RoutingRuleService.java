package dev.vocloop.ticket.routing;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.ticket.sla.Priority;
import dev.vocloop.ticket.teams.Team;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Routing rules CRUD. Positions are kept dense (0..n-1); every change that moves rules locks the
 * whole rule table so that concurrent edits cannot interleave positions.
 */
@ApplicationScoped
public class RoutingRuleService {

    private final EntityManager em;
    private final RoutingService routing;

    public RoutingRuleService(EntityManager em, RoutingService routing) {
        this.em = em;
        this.routing = routing;
    }

    @Transactional
    public List<RuleView> list() {
        return ordered().stream().map(RuleView::of).toList();
    }

    @Transactional
    public RuleView get(String id) {
        return RuleView.of(find(id));
    }

    @Transactional
    public RuleView create(RuleRequest in) {
        validate(in);
        lockRules();
        List<RoutingRule> rules = new ArrayList<>(ordered());
        RoutingRule r = new RoutingRule();
        r.id = Ids.newId();
        r.createdAt = Instant.now();
        apply(r, in);
        r.persist();
        int at = in.position() == null ? rules.size() : Math.min(in.position(), rules.size());
        rules.add(at, r);
        renumber(rules);
        em.flush();
        return RuleView.of(r);
    }

    @Transactional
    public RuleView replace(String id, RuleRequest in) {
        validate(in);
        lockRules();
        RoutingRule r = find(id);
        if (in.version() != null && in.version() != r.version) {
            throw ProblemException.conflict("the rule was changed meanwhile (version " + r.version + ")");
        }
        apply(r, in);
        if (in.position() != null) {
            List<RoutingRule> rules = new ArrayList<>(ordered());
            rules.remove(r);
            rules.add(Math.min(in.position(), rules.size()), r);
            renumber(rules);
        }
        em.flush();
        return RuleView.of(r);
    }

    @Transactional
    public void delete(String id) {
        lockRules();
        RoutingRule r = find(id);
        r.delete();
        List<RoutingRule> rules = new ArrayList<>(ordered());
        rules.remove(r);
        renumber(rules);
    }

    /** Sets the order of all rules in one transaction; the list must name every rule exactly once. */
    @Transactional
    public List<RuleView> reorder(ReorderRequest in) {
        lockRules();
        List<RoutingRule> rules = ordered();
        var known = new HashSet<String>();
        rules.forEach(r -> known.add(r.id));
        if (in.ids().size() != known.size() || !known.equals(new HashSet<>(in.ids()))) {
            throw ProblemException.invalidField("ids", "must list every rule id exactly once (" + known.size() + " rules)");
        }
        List<RoutingRule> next = new ArrayList<>();
        for (String id : in.ids()) {
            next.add(rules.stream().filter(r -> r.id.equals(id)).findFirst().orElseThrow());
        }
        renumber(next);
        em.flush();
        return next.stream().map(RuleView::of).toList();
    }

    /** Which rule a sample would match, and why; changes nothing. */
    @Transactional
    public RoutingDecision test(DryRunRequest in) {
        String priority = in.priority() == null ? null : Priority.parse("priority", in.priority()).name();
        return routing.route(new RoutingInput(in.intent(), in.topic(), in.channel(), in.language(), priority, in.product(),
                in.tier(), in.lifecycleStage(), in.text()));
    }

    private void validate(RuleRequest in) {
        if (in.conditions().isEmpty()) {
            throw ProblemException.invalidField("conditions", "a rule needs at least one condition; the default team catches the rest");
        }
        if (in.conditions().priorities() != null) {
            in.conditions().priorities().forEach(p -> Priority.parse("conditions.priorities", p));
        }
        if (Team.findById(in.action().team()) == null) {
            throw ProblemException.invalidField("action.team", "unknown team " + in.action().team());
        }
    }

    private static void apply(RoutingRule r, RuleRequest in) {
        r.name = in.name().strip();
        r.enabled = in.enabled() == null || in.enabled();
        r.conditions = in.conditions();
        r.action = in.action();
        r.updatedAt = Instant.now();
    }

    private static void renumber(List<RoutingRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).position != i) {
                rules.get(i).position = i;
            }
        }
    }

    private void lockRules() {
        em.createNativeQuery("lock table routing_rules in share row exclusive mode").executeUpdate();
    }

    private static List<RoutingRule> ordered() {
        return RoutingRule.listAll(Sort.by("position").and("id"));
    }

    private static RoutingRule find(String id) {
        RoutingRule r = RoutingRule.findById(id);
        if (r == null) {
            throw ProblemException.notFound("no routing rule " + id);
        }
        return r;
    }
}
