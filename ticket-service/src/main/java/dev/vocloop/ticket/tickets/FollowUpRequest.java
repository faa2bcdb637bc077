package dev.vocloop.ticket.tickets;

import java.util.List;

/** The hand-over to survey-service on resolution (CONTRACT.md, {@code follow-ups}). */
public record FollowUpRequest(String ticketId, int resolutionCount, List<String> feedbackIds, Customer customer,
        String resolution, String channel) {
}
