package dev.vocloop.ticket.tickets;

import jakarta.validation.constraints.Size;

/**
 * Assigns a ticket: to the named agent, or, without one, automatically to the team member with
 * the fewest open tickets (round robin on ties).
 */
public record AssignRequest(@Size(min = 1, max = 200) String assignee, Long version) {
}
