package dev.vocloop.ticket.outbox;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Parked and pending hand-overs, for admins (the gateway lets only ADMIN keys reach this path). */
@Path("/api/v1/admin/tickets/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OutboxAdminResource {

    private static final Set<String> STATES = Set.of(OutboxMessage.PENDING, OutboxMessage.DELIVERED, OutboxMessage.FAILED);

    private final OutboxService outbox;
    private final Caller caller;

    public OutboxAdminResource(OutboxService outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    /** A hand-over as admins see it; the payload stays out because it carries customer data. */
    public record OutboxEntry(String id, String destination, String path, String idempotencyKey, String state, int attempts,
            Instant nextAttemptAt, String lastError, Integer responseStatus, Instant createdAt, Instant deliveredAt) {
        static OutboxEntry of(OutboxMessage m) {
            return new OutboxEntry(m.id, m.destination, m.path, m.idempotencyKey, m.state, m.attempts, m.nextAttemptAt,
                    m.lastError, m.responseStatus, m.createdAt, m.deliveredAt);
        }
    }

    public record OutboxList(List<OutboxEntry> items) {
    }

    @GET
    public OutboxList listOutbox(@QueryParam("state") @DefaultValue("FAILED") String state, @QueryParam("limit") @DefaultValue("100") int limit) {
        caller.requireNotAgent();
        String s = state.trim().toUpperCase();
        if (!STATES.contains(s)) {
            throw ProblemException.invalidField("state", "must be one of PENDING, DELIVERED, FAILED");
        }
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalidField("limit", "must be between 1 and 500");
        }
        return new OutboxList(outbox.list(s, limit).stream().map(OutboxEntry::of).toList());
    }

    @POST
    @Path("/{id}/retry")
    public OutboxEntry retryOutbox(@PathParam("id") String id) {
        caller.requireNotAgent();
        return OutboxEntry.of(outbox.retry(id));
    }
}
