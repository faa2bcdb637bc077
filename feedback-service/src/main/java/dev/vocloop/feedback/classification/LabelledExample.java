package dev.vocloop.feedback.classification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A text with the labels a person gave it; every label is optional. */
public record LabelledExample(
        @NotBlank @Size(max = 10_000) String text,
        @Pattern(regexp = "zh|en|other", message = "must be zh, en or other") String language,
        Intent intent,
        @Size(max = 50) String topic,
        Sentiment sentiment) {
}
