package dev.vocloop.ticket.tickets;

/** Filters of the ticket list; every one is optional. */
public record TicketFilter(String feedbackId, String team, String status, String priority, String assignee,
        String customerId, String cursor, Integer limit) {
}
