package dev.vocloop.survey.invitation;

import java.time.Instant;

/** A survey waiting for a customer in the app widget. */
public record PendingSurvey(String invitationId, String surveyId, String type, String question, String followUpQuestion,
                            int scaleMin, int scaleMax, String token, String url, Instant expiresAt) {
}
