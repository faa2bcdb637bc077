package dev.vocloop.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /q/openapi}: the one OpenAPI document of the whole public API (JSON). */
@Path("/q/openapi")
public class MergedOpenApiResource {

    private final MergedOpenApiService documents;

    public MergedOpenApiResource(MergedOpenApiService documents) {
        this.documents = documents;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/vnd.oai.openapi+json"})
    @Operation(hidden = true)
    public ObjectNode document(@Context HttpServerRequest request) {
        return documents.document(request.localAddress().port());
    }
}
