package dev.vocloop.feedback.classification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The labels of one text, each with a confidence in [0, 1].
 *
 * @param needsTriage true when a label is too uncertain to trust without a human look
 */
@Schema(description = "Labels of one text", example = """
        {"language":"zh","intent":"BUG","intentConfidence":0.91,"topic":"BILLING","topicConfidence":0.72,"sentiment":"NEGATIVE","sentimentScore":-0.8,"needsTriage":false}""")
public record Classification(
        String language,
        Intent intent,
        double intentConfidence,
        String topic,
        double topicConfidence,
        Sentiment sentiment,
        double sentimentScore,
        boolean needsTriage) {
}
