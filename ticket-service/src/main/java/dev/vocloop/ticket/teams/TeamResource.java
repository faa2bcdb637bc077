package dev.vocloop.ticket.teams;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.security.Caller;
import dev.vocloop.ticket.routing.RoutingConfig;
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

/** Teams CRUD; agents may read but not change them. */
@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TeamResource {

    private final TeamService teams;
    private final Caller caller;
    private final RoutingConfig routing;

    public TeamResource(TeamService teams, Caller caller, RoutingConfig routing) {
        this.teams = teams;
        this.caller = caller;
        this.routing = routing;
    }

    @GET
    public ListResponse<TeamView> listTeams() {
        return new ListResponse<>(teams.list());
    }

    @POST
    public Response createTeam(@Valid @NotNull TeamRequest body) {
        caller.requireNotAgent();
        return Response.status(201).entity(teams.create(body)).build();
    }

    @GET
    @Path("/{key}")
    public TeamView getTeam(@PathParam("key") String key) {
        return teams.get(key);
    }

    @PUT
    @Path("/{key}")
    public TeamView replaceTeam(@PathParam("key") String key, @Valid @NotNull TeamRequest body) {
        caller.requireNotAgent();
        return teams.replace(key, body);
    }

    @DELETE
    @Path("/{key}")
    public Response deleteTeam(@PathParam("key") String key) {
        caller.requireNotAgent();
        teams.delete(key, routing.defaultTeam());
        return Response.noContent().build();
    }
}
