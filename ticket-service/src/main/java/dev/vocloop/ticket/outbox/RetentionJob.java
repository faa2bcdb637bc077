package dev.vocloop.ticket.outbox;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets delivered hand-overs and received idempotency keys once no retry can still arrive.
 * Senders give up after their last attempt (minutes to hours), so the default of 30 days leaves
 * a wide margin; parked (FAILED) and pending hand-overs are never removed.
 */
@ApplicationScoped
public class RetentionJob {

    /** How long delivery records and receiver keys are kept. */
    @ConfigMapping(prefix = "ticket.retention")
    public interface RetentionConfig {

        /** Age after which delivered outbox rows and idempotency keys are removed. */
        @WithDefault("P30D")
        Duration keep();
    }

    private final EntityManager em;
    private final RetentionConfig config;

    public RetentionJob(EntityManager em, RetentionConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant before = Instant.now().minus(config.keep());
        int outbox = em.createQuery("delete from OutboxMessage m where m.state = 'DELIVERED' and m.deliveredAt < :before")
                .setParameter("before", before).executeUpdate();
        int keys = em.createQuery("delete from IdempotencyKey k where k.createdAt < :before")
                .setParameter("before", before).executeUpdate();
        if (outbox + keys > 0) {
            Log.infof("retention: removed %d delivered hand-overs and %d idempotency keys", outbox, keys);
        }
    }
}
