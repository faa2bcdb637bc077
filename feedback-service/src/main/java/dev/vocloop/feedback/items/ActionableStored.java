package dev.vocloop.feedback.items;

/** Fired after an actionable item was stored, so the relay hands it over at once instead of at its next sweep. */
public record ActionableStored(String feedbackId) {
}
