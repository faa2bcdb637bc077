package dev.vocloop.ticket.tickets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A ticket opened by hand. Without {@code team} the routing rules choose, as for feedback.
 */
public record ManualTicketRequest(
        @NotBlank @Size(max = 500) String subject,
        @Size(max = 20_000) String text,
        @Size(max = 64) String team,
        String priority,
        @Size(max = 32) String intent,
        @Size(max = 64) String topic,
        @Size(max = 32) String channel,
        @Size(max = 16) String language,
        @Size(max = 200) String product,
        @Valid Customer customer) {
}
