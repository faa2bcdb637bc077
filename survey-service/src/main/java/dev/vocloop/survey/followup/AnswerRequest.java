package dev.vocloop.survey.followup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's answer to "Was this solved?", with an optional 1-5 rating and comment. */
public record AnswerRequest(@NotNull Boolean solved, @Min(1) @Max(5) Integer rating, @Size(max = 5000) String comment) {
}
