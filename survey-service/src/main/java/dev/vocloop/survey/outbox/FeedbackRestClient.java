package dev.vocloop.survey.outbox;

import dev.vocloop.security.ServiceTokenFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** feedback-service's internal API as far as survey-service calls it (CONTRACT.md). */
@RegisterProvider(ServiceTokenFilter.class)
@RegisterRestClient(configKey = "feedback-service")
@Path("/internal/feedback")
interface FeedbackRestClient {

    @POST
    @Path("/loop-outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    Response loopOutcome(@HeaderParam("Idempotency-Key") String key, String json);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response submit(@HeaderParam("Idempotency-Key") String key, String json);
}
