package dev.vocloop.survey.outbox;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.problem.ProblemException;
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

/** Admin view of hand-overs (CONTRACT.md): list by state, retry a parked one. Routed by the gateway for ADMIN keys only. */
@Path("/api/v1/admin/surveys/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OutboxResource {

    private static final int PAGE = 100;

    private final OutboxService outbox;

    public OutboxResource(OutboxService outbox) {
        this.outbox = outbox;
    }

    /** One hand-over as an admin sees it. */
    public record OutboxEntry(String id, String kind, String receiver, String path, String idempotencyKey, String status,
                              int attempts, Integer lastStatus, String lastError, Instant createdAt, Instant nextAttemptAt,
                              Instant deliveredAt) {

        static OutboxEntry of(OutboxMessage m) {
            return new OutboxEntry(m.id, m.kind.name(), m.kind.receiver(), m.path, m.idempotencyKey, m.status.name(),
                    m.attempts, m.lastStatus, m.lastError, m.createdAt, m.nextAttemptAt, m.deliveredAt);
        }
    }

    /** A page of entries. */
    public record OutboxPage(List<OutboxEntry> items, String nextCursor) {
    }

    @GET
    public OutboxPage list(@QueryParam("state") @DefaultValue("FAILED") String state, @QueryParam("cursor") String cursor) {
        OutboxMessage.Status status;
        try {
            status = OutboxMessage.Status.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("state", "must be one of PENDING, DELIVERED, FAILED");
        }
        List<OutboxEntry> items = outbox.list(status, cursor, PAGE).stream().map(OutboxEntry::of).toList();
        String next = items.size() == PAGE ? items.get(items.size() - 1).id() : null;
        return new OutboxPage(items, next);
    }

    @POST
    @Path("/{id}/retry")
    public OutboxEntry retry(@PathParam("id") String id) {
        return OutboxEntry.of(outbox.retry(id));
    }
}
