package dev.vocloop.feedback.items;

import dev.vocloop.commons.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Feedback handed over by survey-service (channel SURVEY, externalId = response id). The
 * {@code Idempotency-Key} needs no store of its own here: (channel, externalId) is unique, so a
 * repeat finds the stored item and answers 200 with it.
 */
@Path("/internal/feedback")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class InternalFeedbackResource {

    private final FeedbackService service;

    public InternalFeedbackResource(FeedbackService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit feedback from another service; same body and answers as POST /api/v1/feedback")
    public Response submitInternalFeedback(@Valid @NotNull FeedbackRequest request) {
        // Services calling this are trusted with the original text (ticket agents read it through them).
        return FeedbackResource.answer(service.submit(request), true);
    }
}
