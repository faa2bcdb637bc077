package dev.vocloop.ticket.routing;

import java.time.Instant;

/** A routing rule as the API shows it. */
public record RuleView(String id, int position, String name, boolean enabled, RuleConditions conditions, RuleAction action,
        long version, Instant createdAt, Instant updatedAt) {

    static RuleView of(RoutingRule r) {
        return new RuleView(r.id, r.position, r.name, r.enabled, r.conditions, r.action, r.version, r.createdAt, r.updatedAt);
    }
}
