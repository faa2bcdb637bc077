package dev.vocloop.ticket.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A ticket as the API shows it. */
public record TicketView(
        String id, String status, String team, String priority, String assignee, String source, String subject,
        String text, String channel, String language, String intent, String topic, String sentiment, String product,
        Customer customer, List<String> tags, List<String> feedbackIds, String routingRuleId, String resolution,
        int resolutionCount, int reopenCount, Sla sla, Set<TicketStatus> allowedTransitions, long version,
        Instant createdAt, Instant updatedAt) {

    /**
     * The SLA clocks; {@code ...LeftSeconds} is the (business) time left now, negative when overdue,
     * frozen while paused or after resolution.
     */
    public record Sla(String state, boolean businessHours, boolean paused, Instant firstResponseDue,
            Instant firstRespondedAt, Long firstResponseLeftSeconds, Instant resolutionDue, Long resolutionLeftSeconds,
            Instant resolvedAt, Instant breachedAt) {
    }
}
