package dev.vocloop.ticket.tickets;

import dev.vocloop.ticket.access.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public ticket API (through the gateway). Agents only see their teams' tickets. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketService tickets;
    private final Caller caller;

    public TicketResource(TicketService tickets, Caller caller) {
        this.tickets = tickets;
        this.caller = caller;
    }

    @GET
    public TicketPage<TicketView> listTickets(@QueryParam("feedbackId") String feedbackId, @QueryParam("team") String team,
            @QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("assignee") String assignee, @QueryParam("customerId") String customerId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return tickets.list(new TicketFilter(feedbackId, team, status, priority, assignee, customerId, cursor, limit), caller);
    }

    @GET
    @Path("/{id}")
    public TicketView getTicket(@PathParam("id") String id) {
        return tickets.get(id, caller);
    }

    @POST
    @Path("/{id}/resolve")
    public TicketView resolveTicket(@PathParam("id") String id, @Valid @NotNull ResolveRequest body) {
        return tickets.resolve(id, body, caller);
    }
}
