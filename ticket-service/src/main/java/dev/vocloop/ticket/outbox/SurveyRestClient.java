package dev.vocloop.ticket.outbox;

import dev.vocloop.security.ServiceTokenFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** survey-service's internal follow-up endpoint (CONTRACT.md); the body is the stored JSON as is. */
@RegisterProvider(ServiceTokenFilter.class)
@RegisterRestClient(configKey = "survey-service")
@Path("/internal")
interface SurveyRestClient {

    @POST
    @Path("/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createFollowUp(@HeaderParam("Idempotency-Key") String idempotencyKey, String body);
}
