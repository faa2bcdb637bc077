package dev.vocloop.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The OpenAPI document of ticket-service. */
@RegisterRestClient(configKey = "ticket-service")
@Path("/q/openapi")
interface TicketOpenApiApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    ObjectNode document(@QueryParam("format") String format);
}
