package dev.vocloop.survey.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/surveys} and {@code PUT /api/v1/surveys/{id}}. Questions need at
 * least {@code zh-CN} and {@code en}.
 */
public record SurveyRequest(
        @NotNull SurveyType type,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 1000) String> questions,
        @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 1000) String> followUpQuestions,
        Survey.Status status) {
}
