package dev.vocloop.survey.response;

import java.time.Instant;

/** What the public survey page shows for an invitation token: the question in the customer's language and the scale. */
public record SurveyForm(String surveyId, String type, String question, String followUpQuestion, int scaleMin, int scaleMax,
                         Instant expiresAt) {
}
