package dev.vocloop.ticket.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.commons.relay.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes hand-overs and keeps their delivery state: claiming with {@code FOR UPDATE SKIP LOCKED}
 * (several replicas never send the same row at the same time), backoff with jitter, parking after
 * the last attempt, and the admin's retry.
 */
@ApplicationScoped
public class OutboxService {

    private final EntityManager em;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final Event<OutboxWritten> written;
    private final Counter parked;
    private final AtomicLong failedNow = new AtomicLong();

    public OutboxService(EntityManager em, ObjectMapper json, OutboxConfig config, Event<OutboxWritten> written,
            MeterRegistry registry) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.written = written;
        this.parked = Counter.builder("ticket_outbox_parked").description("hand-overs parked as FAILED after the last attempt")
                .register(registry);
        // read by the scrape without touching the database (scrapes may run on an I/O thread)
        registry.gauge("ticket_outbox_failed", failedNow);
    }

    /** Records a hand-over in the caller's transaction; a key already written is kept as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String destination, String path, String idempotencyKey, Object body) {
        String id = Ids.newId();
        int inserted = em.createNativeQuery("INSERT INTO outbox (id, destination, path, idempotency_key, payload, state, "
                        + "attempts, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, now(), now()) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING")
                .setParameter(1, id).setParameter(2, destination).setParameter(3, path)
                .setParameter(4, idempotencyKey).setParameter(5, write(body)).executeUpdate();
        if (inserted == 1) {
            written.fire(new OutboxWritten(id));
        }
    }

    /** Claims due hand-overs; the lease pushes them ahead so nobody else takes them meanwhile. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> claim() {
        List<OutboxMessage> due = em.createNativeQuery("SELECT * FROM outbox WHERE state = 'PENDING' AND next_attempt_at <= now() "
                        + "ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED", OutboxMessage.class)
                .setParameter(1, config.batchSize()).getResultList();
        Instant leaseEnd = Instant.now().plus(config.lease());
        for (OutboxMessage m : due) {
            m.attempts++;
            m.nextAttemptAt = leaseEnd;
        }
        return due;
    }

    @Transactional
    public void delivered(String id, int status) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        m.state = OutboxMessage.DELIVERED;
        m.responseStatus = status;
        m.deliveredAt = Instant.now();
        m.lastError = null;
    }

    /** A 4xx other than 408/429 is the receiver's answer: retrying cannot change it, so it is parked. */
    @Transactional
    public void rejected(String id, int status, String reason) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        m.responseStatus = status;
        park(m, reason);
    }

    /** A failure worth retrying: later with backoff, or parked after the last attempt. */
    @Transactional
    public void failed(String id, String reason) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        if (m.attempts >= config.maxAttempts()) {
            park(m, reason);
            return;
        }
        m.lastError = truncate(reason);
        m.nextAttemptAt = Instant.now().plus(backoff(m.attempts));
    }

    /** The wait after {@code attempts} failed attempts: the shared relay backoff under this outbox's settings. */
    public Duration backoff(int attempts) {
        return Backoff.next(attempts, config.baseDelay(), config.maxDelay());
    }

    @Transactional
    public List<OutboxMessage> list(String state, int limit) {
        return OutboxMessage.find("state = ?1 order by createdAt", state).page(0, limit).list();
    }

    /** Puts a parked hand-over back in line with a fresh set of attempts. */
    @Transactional
    public OutboxMessage retry(String id) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        if (m == null) {
            throw ProblemException.notFound("no outbox entry " + id);
        }
        if (!OutboxMessage.FAILED.equals(m.state)) {
            throw ProblemException.conflict("only FAILED entries can be retried; this one is " + m.state);
        }
        m.state = OutboxMessage.PENDING;
        m.attempts = 0;
        m.nextAttemptAt = Instant.now();
        written.fire(new OutboxWritten(id));
        return m;
    }

    private void park(OutboxMessage m, String reason) {
        m.state = OutboxMessage.FAILED;
        m.lastError = truncate(reason);
        parked.increment();
    }

    /** Refreshes the gauge of parked hand-overs; called by the relay's sweep. */
    @Transactional
    public long refreshFailedGauge() {
        long n = OutboxMessage.count("state", OutboxMessage.FAILED);
        failedNow.set(n);
        return n;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a hand-over", e);
        }
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
