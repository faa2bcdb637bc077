package dev.vocloop.gateway.limits;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the PostgreSQL bucket table from growing forever: every {@code cleanup-interval} each replica
 * deletes the rows whose bucket is full again (Bucket4j's {@code expires_at}). Replicas may run it at
 * the same time: the delete skips rows another transaction holds.
 */
@ApplicationScoped
public class BucketCleanupJob {

    private final RateLimiter rateLimiter;

    public BucketCleanupJob(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Scheduled(every = "${vocloop.gateway.limits.cleanup-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeIdleBuckets() {
        try {
            int removed = rateLimiter.removeIdleBuckets();
            Log.debugf("rate limits: removed %d idle buckets", removed);
        } catch (RuntimeException e) {
            // The database is down: the take path has said so already; the rows wait for the next run.
            Log.debugf("rate limits: idle buckets not removed (%s)", e.getClass().getSimpleName());
        }
    }
}
