package dev.vocloop.survey.followup;

import dev.vocloop.commons.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /internal/follow-ups}: ticket-service asks for the follow-up of a resolution (CONTRACT.md). */
@Path("/internal/follow-ups")
@RolesAllowed(Roles.SERVICE)
public class InternalFollowUpResource {

    private final FollowUpService followUps;

    public InternalFollowUpResource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, @NotNull @Valid CreateFollowUpRequest request) {
        if (idempotencyKey != null && idempotencyKey.length() > 300) {
            throw dev.vocloop.commons.problem.ProblemException.invalidField("Idempotency-Key", "at most 300 characters");
        }
        FollowUpService.CreateResult result = followUps.create(idempotencyKey, request);
        return Response.status(result.status()).type(MediaType.APPLICATION_JSON).entity(result.body()).build();
    }
}
