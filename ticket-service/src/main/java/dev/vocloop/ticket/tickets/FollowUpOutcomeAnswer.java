package dev.vocloop.ticket.tickets;

/** The ticket's status after a follow-up outcome. */
public record FollowUpOutcomeAnswer(String ticketId, String status) {
}
