package dev.vocloop.feedback.email;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.feedback.items.FeedbackService;
import dev.vocloop.feedback.items.FeedbackView;
import dev.vocloop.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feedback by e-mail: a mail gateway posts each raw message here. */
@Path("/api/v1/feedback/inbound-email")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Feedback")
public class InboundEmailResource {

    private final InboundEmailParser parser;
    private final FeedbackService service;
    private final Caller caller;

    public InboundEmailResource(InboundEmailParser parser, FeedbackService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes("message/rfc822")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a raw RFC 822 message", description = "The sender becomes the customer, the Message-ID the externalId: the same message again answers 200 with the stored item.")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "200", description = "This Message-ID was already stored")
    @APIResponse(responseCode = "422", description = "Not a readable message or no text in it")
    public Response submitInboundEmail(InputStream raw) {
        FeedbackService.Submission s = service.submit(parser.parse(raw));
        return Response.status(s.created() ? 201 : 200)
                .entity(FeedbackView.of(s.feedback(), caller.maySeeOriginal())).type(MediaType.APPLICATION_JSON).build();
    }
}
