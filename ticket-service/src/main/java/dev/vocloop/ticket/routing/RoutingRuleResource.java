package dev.vocloop.ticket.routing;

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

/** Routing rules: ordered, first match wins; dry run and atomic reorder. */
@Path("/api/v1/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RoutingRuleResource {

    private final RoutingRuleService rules;
    private final Caller caller;

    public RoutingRuleResource(RoutingRuleService rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    public ListResponse<RuleView> listRules() {
        return new ListResponse<>(rules.list());
    }

    @POST
    public Response createRule(@Valid @NotNull RuleRequest body) {
        caller.requireNotAgent();
        return Response.status(201).entity(rules.create(body)).build();
    }

    @GET
    @Path("/{id}")
    public RuleView getRule(@PathParam("id") String id) {
        return rules.get(id);
    }

    @PUT
    @Path("/{id}")
    public RuleView replaceRule(@PathParam("id") String id, @Valid @NotNull RuleRequest body) {
        caller.requireNotAgent();
        return rules.replace(id, body);
    }

    @DELETE
    @Path("/{id}")
    public Response deleteRule(@PathParam("id") String id) {
        caller.requireNotAgent();
        rules.delete(id);
        return Response.noContent().build();
    }

    /** Replaces the order of all rules at once. */
    @PUT
    @Path("/order")
    public ListResponse<RuleView> reorderRules(@Valid @NotNull ReorderRequest body) {
        caller.requireNotAgent();
        return new ListResponse<>(rules.reorder(body));
    }

    /** Dry run: which rule a sample matches and why. */
    @POST
    @Path("/test")
    public RoutingDecision testRules(@Valid @NotNull DryRunRequest body) {
        return rules.test(body);
    }
}
