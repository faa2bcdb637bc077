package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/tickets/metrics?team=&from=&to=}: the loop's ticket metrics. */
@Path("/api/v1/tickets/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AGENT})
public class TicketStatsResource {

    private final TicketStatsService stats;
    private final Caller caller;

    public TicketStatsResource(TicketStatsService stats, Caller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    public TicketStats ticketMetrics(@QueryParam("team") String team, @QueryParam("from") String from, @QueryParam("to") String to) {
        return stats.stats(team, from, to, caller);
    }
}
