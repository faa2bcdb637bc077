package dev.vocloop.feedback.delivery;

import dev.vocloop.security.ServiceTokenFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ticket-service's internal API; the URL comes from {@code quarkus.rest-client.ticket-service.url}. */
@RegisterProvider(ServiceTokenFilter.class)
@RegisterRestClient(configKey = "ticket-service")
@Path("/internal/tickets")
interface TicketRestClient {

    @POST
    @Path("/from-feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    TicketAnswer fromFeedback(@HeaderParam("Idempotency-Key") String idempotencyKey, TicketRequest request);
}
