package dev.vocloop.feedback.loop;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** survey-service tells how a ticket's follow-up ended; the feedback items' loop closes or reopens. */
@Path("/internal/feedback/loop-outcome")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class LoopOutcomeResource {

    /** How many items carry the outcome now. */
    public record LoopOutcomeAnswer(long updated) {
    }

    private final LoopOutcomeService service;

    public LoopOutcomeResource(LoopOutcomeService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set loopStatus CLOSED / REOPENED / CLOSED_UNCONFIRMED on the listed items (idempotent)")
    public LoopOutcomeAnswer applyLoopOutcome(@HeaderParam("Idempotency-Key") String key, @Valid @NotNull LoopOutcomeRequest request) {
        return new LoopOutcomeAnswer(service.apply(key, request));
    }
}
