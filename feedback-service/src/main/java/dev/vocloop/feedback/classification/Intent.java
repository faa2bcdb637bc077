package dev.vocloop.feedback.classification;

/** What the customer wants (DESIGN.md, Classification). */
public enum Intent {
    BUG, FEATURE_REQUEST, QUESTION, COMPLAINT, PRAISE, OTHER
}
