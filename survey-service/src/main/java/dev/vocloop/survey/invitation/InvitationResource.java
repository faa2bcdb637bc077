package dev.vocloop.survey.invitation;

import dev.vocloop.commons.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Invitations to a survey. */
@Path("/api/v1/surveys/{id}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class InvitationResource {

    private static final int PAGE = 200;

    private final InvitationService invitations;

    public InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    /** A page of invitations. */
    public record InvitationList(List<InvitationView> items, String nextCursor) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public InvitationResult invite(@PathParam("id") String surveyId, @NotNull @Valid InvitationRequest request) {
        return invitations.invite(surveyId, request);
    }

    @GET
    public InvitationList list(@PathParam("id") String surveyId, @QueryParam("cursor") String cursor) {
        List<InvitationView> items = invitations.list(surveyId, cursor, PAGE);
        return new InvitationList(items, items.size() == PAGE ? items.get(items.size() - 1).id() : null);
    }
}
