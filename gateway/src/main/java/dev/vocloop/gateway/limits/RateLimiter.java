package dev.vocloop.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocloop.gateway.limits.LimitsConfig.Store;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Token buckets per API key and per client address.
 *
 * <p>With the {@code postgresql} store (the default) the buckets live in the gateway's database and
 * every replica takes from the same bucket, so n replicas still give a client the configured limit.
 * A take runs on a small pool of its own (JDBC blocks) and is one Bucket4j transaction per bucket.
 * When PostgreSQL fails or does not answer within {@code store-timeout}, the request is counted in
 * this replica's own buckets instead (fail-safe: the limit holds per replica, nobody gets a 500), one
 * WARN says so, and every {@code store-retry} a background probe asks the database again; when it
 * answers, the shared buckets are used again. With the {@code memory} store the buckets are only ever local.
 *
 * <p>A bucket the database reported empty is remembered here until its next token is due, so a
 * client that keeps knocking while refused costs no database round trip: no replica can add tokens
 * before that time, only take them.
 */
@ApplicationScoped
public class RateLimiter {

    /*
     * A JBoss Logger rather than io.quarkus.logging.Log: the tests build limiters outside Quarkus to
     * stand for several replicas. Log lines never carry a key id or a client address.
     */
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** Threads that wait on the database; more would only queue on the connection pool. */
    private static final int TAKE_THREADS = 8;
    /** Takes waiting for a thread; beyond this the database is not keeping up and local buckets answer. */
    private static final int TAKE_QUEUE = 10_000;
    private static final int CLEANUP_BATCH = 1_000;

    private final BucketConfiguration perKey;
    private final BucketConfiguration perAddress;
    private final Duration retry;
    private final Duration timeout;
    private final LocalBuckets local;
    /** {@code null} with the memory store. */
    private final SharedBuckets shared;
    private final ThreadPoolExecutor takes;
    /** Buckets PostgreSQL reported empty: id to the {@link System#nanoTime()} when the next token is due. */
    private final Cache<String, Long> emptyUntil;

    private final AtomicBoolean down = new AtomicBoolean();
    /** While down: when the next request may try the database again ({@link System#nanoTime()}). */
    private final AtomicLong retryAt = new AtomicLong();
    /** When the database last failed ({@link System#nanoTime()}); answers to takes begun earlier do not count as recovery. */
    private final AtomicLong failedAt = new AtomicLong(System.nanoTime() - TimeUnit.DAYS.toNanos(1));

    public RateLimiter(LimitsConfig config, DataSource dataSource) {
        this.perKey = configuration(config.perKeyRequests(), config.perKeyPeriod());
        this.perAddress = configuration(config.perIpRequests(), config.perIpPeriod());
        this.retry = config.storeRetry();
        this.timeout = config.storeTimeout();
        Duration longest = config.perKeyPeriod().compareTo(config.perIpPeriod()) > 0 ? config.perKeyPeriod() : config.perIpPeriod();
        this.local = new LocalBuckets(longest);
        if (config.store() == Store.POSTGRESQL) {
            this.shared = new SharedBuckets(dataSource);
            AtomicInteger n = new AtomicInteger();
            this.takes = new ThreadPoolExecutor(TAKE_THREADS, TAKE_THREADS, 1, TimeUnit.MINUTES,
                    new LinkedBlockingQueue<>(TAKE_QUEUE), r -> {
                        Thread t = new Thread(r, "vocloop-rate-limit-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            this.takes.allowCoreThreadTimeOut(true);
            this.emptyUntil = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(longest).build();
        } else {
            this.shared = null;
            this.takes = null;
            this.emptyUntil = null;
        }
    }

    /**
     * Takes one request from the key's bucket when {@code keyId} is given, then, if that allowed it,
     * from the client address's bucket when {@code address} is given. Completes empty when the request
     * is allowed, otherwise with how long until the next one would be. Never completes exceptionally.
     */
    public CompletionStage<Optional<Duration>> take(String keyId, String address) {
        String keyBucket = keyId == null ? null : "key:" + keyId;
        String addressBucket = address == null ? null : "ip:" + address;
        if (keyBucket == null && addressBucket == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (shared == null) {
            return CompletableFuture.completedFuture(takeFrom(local, keyBucket, addressBucket));
        }
        Optional<Duration> known = knownEmpty(keyBucket).or(() -> knownEmpty(addressBucket));
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known);
        }
        if (!sharedInUse()) {
            return CompletableFuture.completedFuture(takeFrom(local, keyBucket, addressBucket));
        }
        long begun = System.nanoTime();
        CompletableFuture<Optional<Duration>> answer = new CompletableFuture<>();
        try {
            takes.execute(() -> {
                if (answer.isDone()) {
                    return; // waited in the queue past the timeout and was answered locally
                }
                try {
                    answer.complete(takeFrom(shared, keyBucket, addressBucket));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(e);
        }
        return answer.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).handle((wait, failure) -> {
            if (failure == null) {
                sharedAnswered(begun);
                return wait;
            }
            sharedFailed(failure);
            return takeFrom(local, keyBucket, addressBucket);
        });
    }

    /** Whether the buckets shared through PostgreSQL are in use now (false with the memory store and while it is down). */
    public boolean sharesBuckets() {
        return shared != null && !down.get();
    }

    /**
     * Deletes the PostgreSQL rows of buckets that are full again, in batches; returns how many.
     * Nothing with the memory store, whose idle buckets the cache forgets by itself.
     */
    public int removeIdleBuckets() {
        if (shared == null) {
            return 0;
        }
        int removed = 0;
        for (int batch = 0; batch < 100; batch++) {
            int n = shared.removeExpired(CLEANUP_BATCH);
            removed += n;
            if (n < CLEANUP_BATCH) {
                break;
            }
        }
        return removed;
    }

    @PreDestroy
    void stop() {
        if (takes != null) {
            takes.shutdownNow();
        }
    }

    private Optional<Duration> takeFrom(Buckets buckets, String keyBucket, String addressBucket) {
        Optional<Duration> wait = keyBucket == null ? Optional.empty() : take(buckets, keyBucket, perKey);
        if (wait.isEmpty() && addressBucket != null) {
            wait = take(buckets, addressBucket, perAddress);
        }
        return wait;
    }

    private Optional<Duration> take(Buckets buckets, String id, BucketConfiguration configuration) {
        ConsumptionProbe probe = buckets.take(id, configuration);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        if (buckets == shared) {
            emptyUntil.put(id, System.nanoTime() + probe.getNanosToWaitForRefill());
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Optional<Duration> knownEmpty(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Long until = emptyUntil.getIfPresent(id);
        long left = until == null ? 0 : until - System.nanoTime();
        return left > 0 ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
    }

    /**
     * Up: yes. Down: no; once the retry interval has passed, the first request to notice starts one
     * probe of the database in the background, so no client waits on a database known to be down.
     */
    private boolean sharedInUse() {
        if (!down.get()) {
            return true;
        }
        long at = retryAt.get();
        long now = System.nanoTime();
        if (now - at >= 0 && retryAt.compareAndSet(at, now + retry.toNanos())) {
            try {
                takes.execute(() -> {
                    try {
                        shared.ping();
                        sharedAnswered(now);
                    } catch (SQLException | RuntimeException e) {
                        sharedFailed(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                // busy: the next interval tries again
            }
        }
        return false;
    }

    private void sharedAnswered(long begun) {
        if (down.get() && begun - failedAt.get() > 0 && down.compareAndSet(true, false)) {
            LOG.info("rate limits: PostgreSQL answers again; buckets are shared by all gateway replicas again");
        }
    }

    private void sharedFailed(Throwable failure) {
        long now = System.nanoTime();
        failedAt.set(now);
        retryAt.set(now + retry.toNanos());
        if (down.compareAndSet(false, true)) {
            // The cause's class and SQLState only: driver messages can quote a bucket id.
            LOG.warnf("rate limits: the PostgreSQL bucket store failed (%s); counting requests in this replica's "
                    + "own buckets, so each replica allows the full limit, and asking PostgreSQL again every %s",
                    describe(failure), readable(retry));
            shared.forgetIdleConnections();
        } else {
            LOG.debugf("rate limits: the PostgreSQL bucket store still fails (%s)", describe(failure));
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof SQLException) && !(cause instanceof TimeoutException)) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return "no answer within " + readable(timeout);
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return cause.getClass().getSimpleName() + ", SQLState " + sql.getSQLState();
        }
        return cause.getClass().getSimpleName();
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static BucketConfiguration configuration(long requests, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
                .build();
    }
}
