package dev.vocloop.feedback.items;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The score a survey answer carried (channel SURVEY): NPS 0-10, CSAT 1-5, CES 1-7. */
public record SurveyScore(
        @Size(max = 100) String surveyId,
        @NotNull @Pattern(regexp = "NPS|CSAT|CES", message = "must be NPS, CSAT or CES") String type,
        @NotNull @Min(0) @Max(10) Integer score) {

    /** A detractor (NPS 0-6), an unhappy CSAT (1-2) or a high-effort CES (5-7, as survey-service scores it) raises the priority. */
    public boolean isDetractor() {
        return switch (type) {
            case "NPS" -> score <= 6;
            case "CSAT" -> score <= 2;
            case "CES" -> score >= 5;
            default -> false;
        };
    }
}
