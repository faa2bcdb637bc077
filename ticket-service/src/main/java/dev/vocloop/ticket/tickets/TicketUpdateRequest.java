package dev.vocloop.ticket.tickets;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Changes a ticket's priority, tags or subject; absent fields stay as they are.
 *
 * @param version the version the agent saw; when given, a newer ticket answers 409
 */
public record TicketUpdateRequest(String priority, @Size(max = 20) List<@Size(max = 50) String> tags,
        @Size(min = 1, max = 500) String subject, Long version) {
}
