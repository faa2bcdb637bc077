package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.problem.ProblemMappers;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Concurrent edits: the version check in the UPDATE failed because someone else committed first.
 * The loser is told to reload (409), instead of the generic 500 of the shared mappers.
 */
public class ConflictMappers {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return conflict();
    }

    @ServerExceptionMapper
    public Response staleObject(StaleObjectStateException e) {
        return conflict();
    }

    private static Response conflict() {
        return ProblemMappers.respond(409, "conflict", "Conflict", "the resource was changed by someone else meanwhile; reload and retry",
                List.of());
    }
}
