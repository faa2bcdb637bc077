package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public ticket API (through the gateway). Agents only see their teams' tickets. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AGENT})
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

    @POST
    public Response createTicket(@Valid @NotNull ManualTicketRequest body) {
        return Response.status(201).entity(tickets.create(body, caller)).build();
    }

    @GET
    @Path("/{id}")
    public TicketView getTicket(@PathParam("id") String id) {
        return tickets.get(id, caller);
    }

    @PATCH
    @Path("/{id}")
    public TicketView updateTicket(@PathParam("id") String id, @Valid @NotNull TicketUpdateRequest body) {
        return tickets.update(id, body, caller);
    }

    @POST
    @Path("/{id}/status")
    public TicketView changeStatus(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest body) {
        return tickets.changeStatus(id, body, caller);
    }

    @POST
    @Path("/{id}/resolve")
    public TicketView resolveTicket(@PathParam("id") String id, @Valid @NotNull ResolveRequest body) {
        return tickets.resolve(id, body, caller);
    }

    @POST
    @Path("/{id}/reopen")
    public TicketView reopenTicket(@PathParam("id") String id, @QueryParam("version") Long version) {
        return tickets.reopen(id, version, caller);
    }

    @POST
    @Path("/{id}/assign")
    public TicketView assignTicket(@PathParam("id") String id, @Valid @NotNull AssignRequest body) {
        return tickets.assign(id, body, caller);
    }

    @POST
    @Path("/{id}/comments")
    public Response addComment(@PathParam("id") String id, @Valid @NotNull CommentRequest body) {
        return Response.status(201).entity(tickets.comment(id, body, caller)).build();
    }

    @GET
    @Path("/{id}/comments")
    public ListResponse<CommentView> listComments(@PathParam("id") String id) {
        return new ListResponse<>(tickets.comments(id, caller));
    }

    @GET
    @Path("/{id}/history")
    public ListResponse<HistoryView> ticketHistory(@PathParam("id") String id) {
        return new ListResponse<>(tickets.history(id, caller));
    }
}
