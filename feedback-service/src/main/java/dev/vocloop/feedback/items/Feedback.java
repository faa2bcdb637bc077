package dev.vocloop.feedback.items;

import dev.vocloop.feedback.classification.Classification;
import dev.vocloop.feedback.priority.Priority;
import java.time.Instant;
import java.util.Map;

/**
 * A stored feedback item. {@code text} is the original (sanitised) text, only for agents and
 * admins; {@code textMasked} is what everybody else sees.
 *
 * @param details channel-specific fields (page, device, store, platform, transcript, ...)
 * @param delivery the hand-over to ticket-service, null when the item is not actionable
 */
public record Feedback(
        String id,
        Channel channel,
        String externalId,
        String text,
        String textMasked,
        String title,
        Classification classification,
        boolean corrected,
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
        Instant updatedAt,
        Delivery delivery) {
}
