package dev.vocloop.ticket.tickets;

/** The answer to {@code from-feedback}: the ticket that now holds the feedback. */
public record FromFeedbackAnswer(String ticketId, String team, String status, String priority, boolean merged) {
}
