package dev.vocloop.survey.response;

import java.time.Instant;

/** Answer of {@code POST /api/v1/survey-responses}. */
public record ResponseView(String id, String surveyId, String type, int score, boolean forwarded, Instant createdAt) {
}
