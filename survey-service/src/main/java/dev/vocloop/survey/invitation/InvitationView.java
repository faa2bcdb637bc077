package dev.vocloop.survey.invitation;

import java.time.Instant;

/** An invitation as an admin sees it, with the delivery state of its e-mail (failures visible per invitation). */
public record InvitationView(String id, String surveyId, String customerId, String channel, String status, Instant createdAt,
                             Instant expiresAt, Instant answeredAt, MailState mail) {

    /** State of the invitation's e-mail. */
    public record MailState(String status, int attempts, String lastError) {
    }
}
