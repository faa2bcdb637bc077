package dev.vocloop.survey.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Writes hand-overs into the outbox and lets an admin see and retry the parked ones. */
@ApplicationScoped
public class OutboxService {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    public OutboxService(EntityManager em, ObjectMapper json, Event<OutboxWritten> written) {
        this.em = em;
        this.json = json;
        this.written = written;
    }

    /**
     * Records a hand-over in the caller's transaction. A second write with the same key is ignored:
     * the key names the hand-over, and the receiver would treat it as the same request anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(HandOver kind, String targetId, String idempotencyKey, Object body) {
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hand-over body cannot be serialised", e);
        }
        String id = Ids.newId();
        Instant now = Instant.now();
        em.createNativeQuery("""
                INSERT INTO outbox (id, kind, target_id, path, idempotency_key, payload, status, attempts, next_attempt_at, created_at)
                VALUES (:id, :kind, :target, :path, :key, :payload, 'PENDING', 0, :now, :now)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .setParameter("id", id)
                .setParameter("kind", kind.name())
                .setParameter("target", targetId)
                .setParameter("path", kind.path(targetId))
                .setParameter("key", idempotencyKey)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .executeUpdate();
        written.fire(new OutboxWritten(id));
    }

    /** Rows in a state, oldest first, after the given id (ids are time-ordered). */
    public List<OutboxMessage> list(OutboxMessage.Status status, String after, int limit) {
        if (after == null) {
            return OutboxMessage.find("status = ?1 order by id", status).page(0, limit).list();
        }
        return OutboxMessage.find("status = ?1 and id > ?2 order by id", status, after).page(0, limit).list();
    }

    /** Puts a parked hand-over back in the queue with fresh attempts. */
    @Transactional
    public OutboxMessage retry(String id) {
        OutboxMessage message = OutboxMessage.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            throw ProblemException.notFound("no outbox entry " + id);
        }
        if (message.status != OutboxMessage.Status.FAILED) {
            throw ProblemException.conflict("only FAILED entries can be retried; this one is " + message.status);
        }
        message.status = OutboxMessage.Status.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = Instant.now();
        message.lockedUntil = null;
        written.fire(new OutboxWritten(id));
        return message;
    }
}
