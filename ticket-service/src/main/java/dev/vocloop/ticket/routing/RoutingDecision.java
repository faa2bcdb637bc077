package dev.vocloop.ticket.routing;

import java.util.List;

/**
 * Where routing sends a ticket and why.
 *
 * @param team     the owning team
 * @param ruleId   the rule that matched, {@code null} for the default team
 * @param ruleName its name
 * @param reasons  why it matched (or why the default team took it)
 * @param tags     tags to add
 * @param priority the priority after the rule's raise
 */
public record RoutingDecision(String team, String ruleId, String ruleName, List<String> reasons, List<String> tags,
        String priority) {
}
