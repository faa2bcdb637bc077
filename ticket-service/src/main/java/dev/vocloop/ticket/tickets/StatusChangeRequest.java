package dev.vocloop.ticket.tickets;

import jakarta.validation.constraints.NotBlank;

/**
 * Moves a ticket to another status.
 *
 * @param version the version the agent saw; when given, a newer ticket answers 409
 */
public record StatusChangeRequest(@NotBlank String status, Long version) {
}
