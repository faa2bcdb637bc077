package dev.vocloop.feedback.items;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import dev.vocloop.feedback.priority.Priority;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A feedback item as the API shows it. {@code text} is always masked; {@code originalText} and the
 * customer's contact data are only filled for agents and admins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A classified feedback item")
public record FeedbackView(
        @Schema(example = "0193f1c2-7b7e-7c3a-9d1e-2f4b5a6c7d8e") String id,
        Channel channel,
        @Schema(example = "widget-8812") String externalId,
        @Schema(description = "The text with e-mails, phones, ID and card numbers masked", example = "请联系我 [PHONE]，支付的时候app闪退了")
        String text,
        @Schema(description = "The unmasked text; only for AGENT and ADMIN roles") String originalText,
        String title,
        @Schema(example = "zh") String language,
        Intent intent,
        @Schema(example = "0.91") double intentConfidence,
        @Schema(example = "BILLING") String topic,
        @Schema(example = "0.72") double topicConfidence,
        Sentiment sentiment,
        @Schema(example = "-0.8") double sentimentScore,
        @Schema(description = "A label is too uncertain: a person should look") boolean needsTriage,
        @Schema(description = "A person corrected the labels") boolean corrected,
        Priority priority,
        LoopStatus loopStatus,
        String ticketId,
        String team,
        Customer customer,
        String product,
        Integer rating,
        SurveyScore survey,
        Map<String, Object> details,
        Instant receivedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static FeedbackView of(Feedback f, boolean privileged) {
        var c = f.classification();
        Customer customer = f.customer();
        if (customer != null && !privileged) {
            // Analysts see who (by id) and what kind of customer, never how to reach them.
            customer = new Customer(customer.id(), null, null, customer.locale(), customer.tier(),
                    customer.lifecycleStage(), customer.attributes());
        }
        return new FeedbackView(f.id(), f.channel(), f.externalId(), f.textMasked(), privileged ? f.text() : null,
                f.title(), c.language(), c.intent(), c.intentConfidence(), c.topic(), c.topicConfidence(), c.sentiment(),
                c.sentimentScore(), c.needsTriage(), f.corrected(), f.priority(), f.loopStatus(), f.ticketId(), f.team(),
                customer, f.product(), f.rating(), f.survey(), f.details(), f.receivedAt(), f.createdAt(), f.updatedAt());
    }
}
