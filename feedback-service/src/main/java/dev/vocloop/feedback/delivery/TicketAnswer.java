package dev.vocloop.feedback.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** ticket-service's answer to a hand-over: the ticket that now owns the item. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketAnswer(String ticketId, String team, String status, Object priority, Boolean merged) {
}
