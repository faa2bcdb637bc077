package dev.vocloop.ticket.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A comment; {@code PUBLIC} ones are visible to the customer and count as the first response.
 */
public record CommentRequest(@NotBlank @Size(max = 20_000, message = "must be at most 20000 characters") String body,
        @Pattern(regexp = "INTERNAL|PUBLIC", message = "must be INTERNAL or PUBLIC") String visibility) {
}
