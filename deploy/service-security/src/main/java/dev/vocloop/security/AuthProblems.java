package dev.vocloop.security;

import dev.vocloop.commons.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals of the security layer as problem documents, built by the one problem mapper. A request
 * without a valid internal token did not come through the gateway or another service: 401.
 */
public class AuthProblems {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return notAuthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return notAuthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.respond(403, "forbidden", "Forbidden", "this role may not call this operation", List.of());
    }

    private static Response notAuthenticated() {
        Response problem = ProblemMappers.respond(401, "unauthorized", "Unauthorized",
                "a valid internal token is required: call the public API through the gateway", List.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
