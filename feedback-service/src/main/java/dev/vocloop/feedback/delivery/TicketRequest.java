package dev.vocloop.feedback.delivery;

import dev.vocloop.feedback.items.Customer;
import dev.vocloop.feedback.priority.Priority;
import java.time.Instant;

/** Body of {@code POST /internal/tickets/from-feedback} (CONTRACT.md). */
public record TicketRequest(String feedbackId, String channel, String language, String intent, String topic,
                            String sentiment, Priority priority, String text, String textMasked, String summary,
                            String product, Customer customer, Instant receivedAt) {
}
