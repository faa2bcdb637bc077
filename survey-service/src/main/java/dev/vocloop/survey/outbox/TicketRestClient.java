package dev.vocloop.survey.outbox;

import dev.vocloop.security.ServiceTokenFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ticket-service's internal API as far as survey-service calls it (CONTRACT.md). */
@RegisterProvider(ServiceTokenFilter.class)
@RegisterRestClient(configKey = "ticket-service")
@Path("/internal/tickets")
interface TicketRestClient {

    @POST
    @Path("/{ticketId}/follow-up-outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    Response followUpOutcome(@PathParam("ticketId") String ticketId, @HeaderParam("Idempotency-Key") String key, String json);
}
