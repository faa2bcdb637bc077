package dev.vocloop.ticket.tickets;

import java.time.Instant;

/** One history entry as the API shows it. */
public record HistoryView(Instant at, String actor, String action, String field, String before, String after) {

    static HistoryView of(TicketHistory h) {
        return new HistoryView(h.at, h.actor, h.action, h.field, h.before, h.after);
    }
}
