package dev.vocloop.feedback.items;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One message of a support chat transcript; only the customer's words become the feedback text. */
public record ChatMessage(
        @NotNull @Pattern(regexp = "CUSTOMER|AGENT|BOT", message = "must be CUSTOMER, AGENT or BOT") String role,
        @NotBlank @Size(max = 10_000) String text,
        Instant at) {
}
