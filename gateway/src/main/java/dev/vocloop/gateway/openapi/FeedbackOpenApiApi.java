package dev.vocloop.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The OpenAPI document of feedback-service. */
@RegisterRestClient(configKey = "feedback-service")
@Path("/q/openapi")
interface FeedbackOpenApiApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    ObjectNode document(@QueryParam("format") String format);
}
