package dev.vocloop.gateway.apikeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API keys, for ADMIN callers only. The role check happens in the gateway's access handler, before
 * a request reaches any resource (see {@code GatewayHandler} and {@code AccessPolicy}).
 */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeyResource {

    private final ApiKeyService keys;

    public ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key; the secret is in this answer only")
    public Response create(@NotNull @Valid CreateApiKeyRequest request) {
        CreatedApiKey created = keys.create(request);
        return Response.created(URI.create("/api/v1/api-keys/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List API keys, newest first, without their secrets")
    public ApiKeyPage list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return keys.list(cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One API key, without its secret")
    public ApiKeyView get(@PathParam("id") String id) {
        return keys.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch a CUSTOMER_APP key's identity verification; a key without an identity secret gets one, "
            + "in this answer only")
    public ApiKeyIdentity update(@PathParam("id") String id, @NotNull @Valid UpdateApiKeyRequest request) {
        return keys.setIdentityRequired(id, request.identityRequired());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key; it is refused from the next request on")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(id);
        return Response.noContent().build();
    }
}
