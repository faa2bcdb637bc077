package dev.vocloop.ticket.outbox;

import dev.vocloop.commons.relay.RelayLoop;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;

/**
 * Delivers the outbox. Woken right after a commit that wrote a hand-over (so the loop moves in
 * milliseconds), and by a sweep for retries that come due and for work left by a crashed replica.
 * One drain runs at a time per process (the shared {@link RelayLoop}); across replicas, claiming
 * with SKIP LOCKED and a lease keeps two relays from sending the same row at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxService outbox;
    private final SurveyClient survey;
    private final RelayLoop loop;

    public OutboxRelay(OutboxService outbox, SurveyClient survey) {
        this.outbox = outbox;
        this.survey = survey;
        this.loop = new RelayLoop("outbox-relay", this::round);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        wake();
    }

    @Scheduled(every = "${ticket.outbox.sweep-interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
        outbox.refreshFailedGauge();
    }

    /** Starts a drain unless one runs; a wake during a drain makes it go round once more. */
    public void wake() {
        loop.wake();
    }

    int round() {
        List<OutboxMessage> batch = outbox.claim();
        batch.forEach(this::deliver);
        return batch.size();
    }

    private void deliver(OutboxMessage m) {
        try {
            SurveyClient.Result result = switch (m.destination) {
                case "survey-service" -> survey.createFollowUp(m.idempotencyKey, m.payload);
                default -> new SurveyClient.Result(400, "unknown destination " + m.destination);
            };
            if (result.accepted()) {
                outbox.delivered(m.id, result.status());
            } else {
                Log.warnf("hand-over %s refused with %d, parked", m.idempotencyKey, result.status());
                outbox.rejected(m.id, result.status(), result.reason());
            }
        } catch (RuntimeException e) {
            Log.debugf("hand-over %s attempt %d failed: %s", m.idempotencyKey, m.attempts, e.toString());
            outbox.failed(m.id, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        loop.shutdown();
    }
}
