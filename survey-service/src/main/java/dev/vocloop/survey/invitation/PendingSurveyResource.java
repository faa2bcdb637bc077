package dev.vocloop.survey.invitation;

import dev.vocloop.commons.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/customers/{id}/pending-surveys}: the in-app surveys waiting for a customer (app widget). */
@Path("/api/v1/customers/{id}/pending-surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CUSTOMER_APP})
public class PendingSurveyResource {

    private final InvitationService invitations;

    public PendingSurveyResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    /** The in-app surveys of a customer. */
    public record PendingList(List<PendingSurvey> items) {
    }

    @GET
    public PendingList pending(@PathParam("id") String customerId) {
        return new PendingList(invitations.pending(customerId));
    }
}
