package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/teams/{team}/queue}: what the team should work on next, with the time left on each clock. */
@Path("/api/v1/teams/{team}/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AGENT})
public class QueueResource {

    private final QueueService queues;
    private final Caller caller;

    public QueueResource(QueueService queues, Caller caller) {
        this.queues = queues;
        this.caller = caller;
    }

    @GET
    public ListResponse<TicketView> teamQueue(@PathParam("team") String team, @QueryParam("limit") Integer limit) {
        return new ListResponse<>(queues.queue(team, limit, caller));
    }
}
