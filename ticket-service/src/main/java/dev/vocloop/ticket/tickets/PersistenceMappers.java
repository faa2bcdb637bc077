package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.http.RequestIds;
import dev.vocloop.commons.problem.ProblemMappers;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Store errors that are the client's doing, found anywhere in the cause chain (a failure at
 * commit arrives wrapped): a concurrent edit won by someone else is 409; a value PostgreSQL cannot
 * keep (a NUL character, for instance) is 400. Everything else stays a logged, generic 500.
 */
public class PersistenceMappers {

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public Response rollback(RollbackException e) {
        return map(e);
    }

    private static Response map(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof StaleObjectStateException) {
                return ProblemMappers.respond(409, "conflict", "Conflict",
                        "the resource was changed by someone else meanwhile; reload and retry", List.of());
            }
            if (c instanceof DataException) {
                return ProblemMappers.respond(400, "invalid-request", "Invalid request",
                        "the request holds a value that cannot be stored (e.g. a NUL character)", List.of());
            }
        }
        Log.errorf(e, "request %s failed", RequestIds.current());
        return ProblemMappers.respond(500, "server-error", "Server error", "the server could not complete the request", List.of());
    }
}
