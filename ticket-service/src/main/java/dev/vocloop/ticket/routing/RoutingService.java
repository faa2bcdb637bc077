package dev.vocloop.ticket.routing;

import dev.vocloop.ticket.sla.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Picks the owning team: enabled rules in order, first match wins, the default team catches the rest. */
@ApplicationScoped
public class RoutingService {

    private final RoutingConfig config;

    public RoutingService(RoutingConfig config) {
        this.config = config;
    }

    @Transactional
    public RoutingDecision route(RoutingInput in) {
        List<RoutingRule> rules = RoutingRule.list("enabled = true order by position, id");
        for (RoutingRule rule : rules) {
            List<String> why = rule.conditions.match(in);
            if (why != null) {
                Priority priority = in.priority() == null ? Priority.P3 : Priority.valueOf(in.priority());
                for (int i = 0; i < rule.action.raiseBy(); i++) {
                    priority = priority.raised();
                }
                if (rule.action.raiseBy() > 0) {
                    why = new ArrayList<>(why);
                    why.add("priority raised from " + in.priority() + " to " + priority);
                }
                return new RoutingDecision(rule.action.team(), rule.id, rule.name, why,
                        rule.action.tags() == null ? List.of() : rule.action.tags(), priority.name());
            }
        }
        return new RoutingDecision(config.defaultTeam(), null, null,
                List.of(rules.isEmpty() ? "no routing rules: default team" : "no rule matched: default team"),
                List.of(), in.priority() == null ? Priority.P3.name() : in.priority());
    }
}
