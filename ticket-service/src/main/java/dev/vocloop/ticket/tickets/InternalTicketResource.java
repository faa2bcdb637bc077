package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Hand-overs from the other services (CONTRACT.md); the gateway never exposes {@code /internal}. */
@Path("/internal/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class InternalTicketResource {

    private final TicketService tickets;

    public InternalTicketResource(TicketService tickets) {
        this.tickets = tickets;
    }

    @POST
    @Path("/from-feedback")
    public Response fromFeedback(@HeaderParam("Idempotency-Key") String key, @Valid @NotNull FromFeedbackRequest body) {
        return tickets.fromFeedback(key, body);
    }

    @POST
    @Path("/{id}/follow-up-outcome")
    public Response followUpOutcome(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull FollowUpOutcomeRequest body) {
        return tickets.followUpOutcome(id, key, body);
    }
}
