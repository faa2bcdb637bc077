package dev.vocloop.ticket.sla;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Runs the escalation on every replica; {@link EscalationService} makes concurrent runs safe. */
@ApplicationScoped
public class EscalationJob {

    private final EscalationService escalation;

    public EscalationJob(EscalationService escalation) {
        this.escalation = escalation;
    }

    @Scheduled(every = "${ticket.escalation.interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            // a full batch means more may be waiting: go round again instead of waiting for the next tick
            int rounds = 0;
            while (escalation.escalate(Instant.now()) > 0 && ++rounds < 50) {
                Log.debug("escalation: another round");
            }
        } catch (RuntimeException e) {
            Log.warnf("SLA escalation round failed: %s", e.getMessage());
        }
    }
}
