package dev.vocloop.survey.response;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/survey-responses}; the score's range depends on the survey type. */
public record ResponseRequest(@NotBlank @Size(max = 64) String token, @NotNull Integer score, @Size(max = 5000) String comment) {
}
