package dev.vocloop.survey.followup;

import java.time.Instant;
import java.util.List;

/**
 * A follow-up as agents and the customer app see it. {@code url} is only given for IN_APP
 * follow-ups still open, where the app widget needs it; e-mail links stay in the mailbox.
 */
public record FollowUpView(String id, String ticketId, int resolutionCount, List<String> feedbackIds, String customerId,
                           String channel, String status, Boolean solved, Integer rating, Instant createdAt, Instant sentAt,
                           Instant answeredAt, Instant expiresAt, String url, MailState mail) {

    /** Delivery state of the follow-up's e-mail, so failures are visible per follow-up. */
    public record MailState(String status, int attempts, String lastError) {
    }
}
