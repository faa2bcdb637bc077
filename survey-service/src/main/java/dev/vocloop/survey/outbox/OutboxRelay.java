package dev.vocloop.survey.outbox;

import dev.vocloop.commons.relay.Backoff;
import dev.vocloop.commons.relay.RelayLoop;
import dev.vocloop.survey.config.SurveyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Delivers outbox rows at least once, with their {@code Idempotency-Key}. Woken right after the
 * commit that wrote them and by a periodic sweep (for retries and rows left by a crashed replica).
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED} plus a lease, so replicas never send the
 * same row at the same time and a dead relay's claim runs out. 2xx → DELIVERED; another 4xx is
 * the receiver's final answer → parked FAILED at once; anything else is retried with exponential
 * backoff and jitter until the configured attempts, then parked FAILED. Parked rows are counted
 * in {@code vocloop.survey.outbox.parked} and listed / retried by {@link OutboxResource}.
 */
@ApplicationScoped
public class OutboxRelay {

    private final EntityManager em;
    private final SurveyConfig config;
    private final TicketClient tickets;
    private final FeedbackClient feedback;
    private final MeterRegistry metrics;
    private final RelayLoop loop;

    public OutboxRelay(EntityManager em, SurveyConfig config, TicketClient tickets, FeedbackClient feedback, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.tickets = tickets;
        this.feedback = feedback;
        this.metrics = metrics;
        this.loop = new RelayLoop("outbox-relay", this::round);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        loop.wake();
    }

    @Scheduled(every = "${vocloop.outbox.sweep-interval:5s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        loop.wake();
    }

    void shutdown(@Observes ShutdownEvent event) {
        loop.shutdown();
    }

    int round() {
        List<OutboxMessage> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        for (OutboxMessage message : claimed) {
            deliver(message);
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<OutboxMessage> claim() {
        Instant now = Instant.now();
        List<OutboxMessage> due = em.createNativeQuery("""
                SELECT * FROM outbox
                 WHERE status = 'PENDING' AND next_attempt_at <= :now
                   AND (locked_until IS NULL OR locked_until < :now)
                 ORDER BY next_attempt_at
                 LIMIT :n
                 FOR UPDATE SKIP LOCKED
                """, OutboxMessage.class)
                .setParameter("now", now)
                .setParameter("n", config.outbox().batchSize())
                .getResultList();
        for (OutboxMessage message : due) {
            message.lockedUntil = now.plus(config.outbox().lease());
        }
        em.flush();
        due.forEach(em::detach);
        return due;
    }

    private void deliver(OutboxMessage message) {
        Log.debugf("delivering hand-over %s (%s) attempt %d", message.id, message.kind, message.attempts + 1);
        HandOverAnswer answer = null;
        String error = null;
        boolean notTried = false;
        try {
            answer = switch (message.kind) {
                case TICKET_FOLLOW_UP_OUTCOME -> tickets.followUpOutcome(message.targetId, message.idempotencyKey, message.payload);
                case FEEDBACK_LOOP_OUTCOME -> feedback.loopOutcome(message.idempotencyKey, message.payload);
                case FEEDBACK_SURVEY_RESPONSE -> feedback.submitFeedback(message.idempotencyKey, message.payload);
            };
        } catch (CircuitBreakerOpenException e) {
            // The circuit is open: nothing was sent, so this does not use up one of the row's attempts.
            notTried = true;
            error = "circuit open";
        } catch (ReceiverUnavailableException e) {
            error = "receiver answered " + e.status();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        }
        HandOverAnswer result = answer;
        String failure = error;
        boolean postpone = notTried;
        QuarkusTransaction.requiringNew().run(() -> record(message.id, result, failure, postpone));
    }

    private void record(String id, HandOverAnswer answer, String error, boolean notTried) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        if (message == null || message.status != OutboxMessage.Status.PENDING) {
            return;
        }
        Instant now = Instant.now();
        message.lockedUntil = null;
        if (notTried) {
            Log.debugf("hand-over %s postponed: %s", message.id, error);
            message.lastError = error;
            message.nextAttemptAt = now.plus(config.outbox().circuitOpenPause());
            return;
        }
        message.attempts++;
        message.lockedUntil = null;
        if (answer != null) {
            message.lastStatus = answer.status();
            if (answer.accepted()) {
                message.status = OutboxMessage.Status.DELIVERED;
                message.deliveredAt = now;
                message.lastError = null;
            } else {
                park(message, "receiver refused: " + firstLine(answer.body()));
            }
            return;
        }
        message.lastError = error;
        if (message.attempts >= config.outbox().maxAttempts()) {
            park(message, error);
        } else {
            message.nextAttemptAt = now.plus(Backoff.next(message.attempts, config.outbox().initialBackoff(), config.outbox().maxBackoff()));
            Log.warnf("hand-over %s (%s) attempt %d failed, next at %s: %s", message.id, message.kind, message.attempts, message.nextAttemptAt, error);
        }
    }

    private void park(OutboxMessage message, String reason) {
        message.status = OutboxMessage.Status.FAILED;
        message.lastError = reason;
        metrics.counter("vocloop.survey.outbox.parked", "receiver", message.kind.receiver(), "kind", message.kind.name()).increment();
        Log.errorf("hand-over %s (%s) parked as FAILED after %d attempts: %s", message.id, message.kind, message.attempts, reason);
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
