package dev.vocloop.ticket.tickets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An actionable feedback item handed over by feedback-service (CONTRACT.md, {@code from-feedback}). */
public record FromFeedbackRequest(
        @NotBlank @Size(max = 100) String feedbackId,
        @Size(max = 32) String channel,
        @Size(max = 16) String language,
        @Size(max = 32) String intent,
        @Size(max = 64) String topic,
        @Size(max = 16) String sentiment,
        @Valid PriorityInfo priority,
        @Size(max = 100_000) String text,
        @Size(max = 100_000) String textMasked,
        @Size(max = 500) String summary,
        @Size(max = 200) String product,
        @Valid Customer customer,
        Instant receivedAt) {

    /** The explainable priority feedback-service computed. */
    public record PriorityInfo(Integer score, @Size(max = 2) String level, List<Map<String, Object>> reasons) {
    }
}
