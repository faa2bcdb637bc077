package dev.vocloop.ticket.tickets;

import java.util.List;

/** A complete (unpaged) list in the platform's list shape. */
public record ListResponse<T>(List<T> items) {
}
