package dev.vocloop.ticket.sla;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.security.Caller;
import dev.vocloop.ticket.tickets.ListResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** SLA policies CRUD, keyed by priority. */
@Path("/api/v1/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SlaPolicyResource {

    private final SlaPolicyService policies;
    private final Caller caller;

    public SlaPolicyResource(SlaPolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    public ListResponse<SlaPolicyView> listPolicies() {
        return new ListResponse<>(policies.list());
    }

    @POST
    public Response createPolicy(@Valid @NotNull SlaPolicyRequest body) {
        caller.requireNotAgent();
        return Response.status(201).entity(policies.create(body)).build();
    }

    @GET
    @Path("/{priority}")
    public SlaPolicyView getPolicy(@PathParam("priority") String priority) {
        return policies.get(priority);
    }

    @PUT
    @Path("/{priority}")
    public SlaPolicyView replacePolicy(@PathParam("priority") String priority, @Valid @NotNull SlaPolicyRequest body) {
        caller.requireNotAgent();
        return policies.replace(priority, body);
    }

    @DELETE
    @Path("/{priority}")
    public Response deletePolicy(@PathParam("priority") String priority) {
        caller.requireNotAgent();
        policies.delete(priority);
        return Response.noContent().build();
    }
}
