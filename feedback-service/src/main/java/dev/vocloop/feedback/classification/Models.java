package dev.vocloop.feedback.classification;

/** The three label models in use, and the version they were stored under. Any model may be null (too few labels). */
record Models(String version, LabelModel intent, LabelModel topic, LabelModel sentiment, int examples) {
}
