package dev.vocloop.feedback.delivery;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.items.Delivery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin view of hand-overs to ticket-service (the gateway lets only ADMIN keys through). */
@Path("/api/v1/admin/feedback/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@RolesAllowed(Roles.ADMIN)
public class DeliveryAdminResource {

    /** A page of hand-overs. */
    public record DeliveryPage(List<DeliveryService.DeliveryView> items, String nextCursor) {
    }

    private final DeliveryService service;

    public DeliveryAdminResource(DeliveryService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Hand-overs in a state (FAILED: parked after too many attempts or refused)")
    public DeliveryPage listDeliveries(@QueryParam("state") @DefaultValue("FAILED") String state, @QueryParam("cursor") String cursor,
                             @QueryParam("limit") @DefaultValue("100") int limit) {
        Delivery.State s = Arrays.stream(Delivery.State.values()).filter(v -> v.name().equals(state)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("state", "must be one of " + Arrays.toString(Delivery.State.values())));
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalidField("limit", "must be between 1 and 500");
        }
        List<DeliveryService.DeliveryView> items = service.list(s, cursor, limit);
        return new DeliveryPage(items, items.size() == limit ? items.get(items.size() - 1).feedbackId() : null);
    }

    @POST
    @Path("/{feedbackId}/retry")
    @Operation(summary = "Send a FAILED hand-over again (fresh attempt budget)")
    public DeliveryService.DeliveryView retryDelivery(@PathParam("feedbackId") String feedbackId) {
        return service.retry(feedbackId);
    }
}
