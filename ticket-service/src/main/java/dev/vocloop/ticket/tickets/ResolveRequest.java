package dev.vocloop.ticket.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Resolves a ticket; the resolution is what the customer is told.
 *
 * @param version the version the agent saw; when given, a newer ticket answers 409
 */
public record ResolveRequest(@NotBlank @Size(max = 20_000) String resolution, Long version) {
}
