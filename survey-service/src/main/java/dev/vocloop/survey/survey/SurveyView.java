package dev.vocloop.survey.survey;

import java.time.Instant;
import java.util.Map;

/** A survey as the API shows it. */
public record SurveyView(String id, String type, String name, Map<String, String> questions, Map<String, String> followUpQuestions,
                         String status, int scaleMin, int scaleMax, Instant createdAt, Instant updatedAt) {

    public static SurveyView of(Survey s) {
        return new SurveyView(s.id, s.type.name(), s.name, s.questions, s.followUpQuestions, s.status.name(), s.type.min(),
                s.type.max(), s.createdAt, s.updatedAt);
    }
}
