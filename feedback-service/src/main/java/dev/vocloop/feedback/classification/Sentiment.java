package dev.vocloop.feedback.classification;

/** How the customer feels. */
public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE
}
