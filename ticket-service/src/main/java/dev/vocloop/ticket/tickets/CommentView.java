package dev.vocloop.ticket.tickets;

import java.time.Instant;

/** A comment as the API shows it. */
public record CommentView(String id, String ticketId, String author, String visibility, String body, Instant createdAt) {

    static CommentView of(TicketComment c) {
        return new CommentView(c.id, c.ticketId, c.author, c.visibility, c.body, c.createdAt);
    }
}
