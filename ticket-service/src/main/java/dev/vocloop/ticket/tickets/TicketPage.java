package dev.vocloop.ticket.tickets;

import java.util.List;

/** One page of a list; {@code nextCursor} is absent on the last page. */
public record TicketPage<T>(List<T> items, String nextCursor) {
}
