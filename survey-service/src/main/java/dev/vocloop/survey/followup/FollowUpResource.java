package dev.vocloop.survey.followup;

import dev.vocloop.commons.auth.Roles;
import io.quarkus.security.Authenticated;
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

/**
 * Follow-ups: listed by ticket or customer (agents, customer app), and opened / answered by token
 * (public: the token in the customer's link is the credential).
 */
@Path("/api/v1/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
// Opening and answering need only the link token (any caller the gateway vouches for); listing is for admins.
public class FollowUpResource {

    private final FollowUpService followUps;

    public FollowUpResource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public FollowUpList list(@QueryParam("ticketId") String ticketId, @QueryParam("customerId") String customerId) {
        return new FollowUpList(followUps.list(ticketId, customerId), null);
    }

    @GET
    @Path("/{token}")
    @Authenticated
    public FollowUpPage open(@PathParam("token") String token) {
        return followUps.page(token);
    }

    /** Answer of the public answer call. */
    public record Answered(String id, String status, Boolean solved, Integer rating) {
    }

    @POST
    @Path("/{token}/answer")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Answered answer(@PathParam("token") String token, @NotNull @Valid AnswerRequest request) {
        FollowUp f = followUps.answer(token, request);
        return new Answered(f.id, f.status.name(), f.solved, f.rating);
    }
}
