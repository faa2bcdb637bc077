package dev.vocloop.survey.followup;

import java.time.Instant;

/** What the public follow-up page (opened by token) shows before the customer answers. */
public record FollowUpPage(String id, String status, String resolution, String locale, Instant expiresAt, Boolean solved,
                           Integer rating) {
}
