package dev.vocloop.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.gateway.limits.LimitsConfig.Store;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two {@link RateLimiter}s over one real PostgreSQL stand for two gateway replicas behind a load
 * balancer: with the {@code postgresql} store they share every bucket, with {@code memory} they do
 * not. Each limiter has its own connection pool, as each replica has.
 */
class SharedBucketsTest {

    private static final int N = 5;
    private static final Duration PERIOD = Duration.ofMinutes(10);

    private static BucketDatabase database;
    private static AgroalDataSource poolA;
    private static AgroalDataSource poolB;

    @BeforeAll
    static void database() {
        database = BucketDatabase.create();
        poolA = database.pool(0);
        poolB = database.pool(0);
    }

    @AfterAll
    static void close() {
        poolA.close();
        poolB.close();
    }

    @Test
    void twoReplicasTakeFromOneBucket() {
        RateLimiter a = new RateLimiter(TestLimits.of(N, PERIOD, Store.POSTGRESQL), poolA);
        RateLimiter b = new RateLimiter(TestLimits.of(N, PERIOD, Store.POSTGRESQL), poolB);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < N; i++) {
            assertTrue(take(i % 2 == 0 ? a : b, key, null).isEmpty(), "request " + (i + 1) + " of " + N);
        }
        Optional<Duration> onA = take(a, key, null);
        Optional<Duration> onB = take(b, key, null);
        assertTrue(onA.isPresent() && onB.isPresent(), "the " + (N + 1) + "th request is refused on either replica");
        // One request comes back every 10 min / 5 = 120 s.
        assertTrue(onB.get().compareTo(Duration.ofSeconds(100)) > 0 && onB.get().compareTo(Duration.ofSeconds(120)) <= 0,
                "wait " + onB.get());
        // Addresses too, and another key has its own bucket.
        for (int i = 0; i < N; i++) {
            assertTrue(take(i % 2 == 0 ? b : a, null, "203.0.113.9").isEmpty());
        }
        assertTrue(take(a, null, "203.0.113.9").isPresent());
        assertTrue(take(b, null, "203.0.113.9").isPresent());
        assertTrue(take(a, UUID.randomUUID().toString(), null).isEmpty());
        assertTrue(a.sharesBuckets() && b.sharesBuckets());
        a.stop();
        b.stop();
    }

    @Test
    void withTheMemoryStoreEachReplicaHasItsOwnBucket() {
        RateLimiter a = new RateLimiter(TestLimits.of(N, PERIOD, Store.MEMORY), poolA);
        RateLimiter b = new RateLimiter(TestLimits.of(N, PERIOD, Store.MEMORY), poolB);
        String key = UUID.randomUUID().toString();
        int allowed = 0;
        for (int i = 0; i < 4 * N; i++) {
            if (take(i % 2 == 0 ? a : b, key, null).isEmpty()) {
                allowed++;
            }
        }
        assertEquals(2 * N, allowed, "two replicas, two buckets: twice the limit");
        assertFalse(a.sharesBuckets());
        assertEquals(0, database.count("SELECT count(*) FROM rate_limit_bucket WHERE id = 'key:" + key + "'"));
    }

    @Test
    void manyThreadsOnTwoReplicasNeverGetMoreThanTheLimit() throws Exception {
        int limit = 40;
        RateLimiter a = new RateLimiter(TestLimits.of(limit, PERIOD, Store.POSTGRESQL), poolA);
        RateLimiter b = new RateLimiter(TestLimits.of(limit, PERIOD, Store.POSTGRESQL), poolB);
        String key = UUID.randomUUID().toString();
        int threads = 16;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            RateLimiter limiter = t % 2 == 0 ? a : b;
            results.add(pool.submit(() -> {
                start.await();
                int allowed = 0;
                for (int i = 0; i < perThread; i++) {
                    if (take(limiter, key, null).isEmpty()) {
                        allowed++;
                    }
                }
                return allowed;
            }));
        }
        start.countDown();
        int allowed = 0;
        for (Future<Integer> r : results) {
            allowed += r.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        // 160 attempts, 40 tokens: all of them used, not one more, and none of it decided locally.
        assertEquals(limit, allowed);
        assertTrue(a.sharesBuckets() && b.sharesBuckets(), "no take fell back to local buckets");
        a.stop();
        b.stop();
    }

    @Test
    void cleanupRemovesTheRowsOfIdleBucketsOnly() throws Exception {
        // 3 per 600 ms: a bucket used once is full again 200 ms later.
        RateLimiter fast = new RateLimiter(TestLimits.of(3, Duration.ofMillis(600), Store.POSTGRESQL), poolA);
        RateLimiter slow = new RateLimiter(TestLimits.of(3, PERIOD, Store.POSTGRESQL), poolB);
        String idle = UUID.randomUUID().toString();
        String busy = UUID.randomUUID().toString();
        take(fast, idle, null);
        take(slow, busy, null);
        assertEquals(1, database.count("SELECT count(*) FROM rate_limit_bucket WHERE id = 'key:" + idle + "'"));
        assertEquals(0, database.count("SELECT count(*) FROM rate_limit_bucket WHERE expires_at IS NULL"));

        Thread.sleep(400);
        int removed = slow.removeIdleBuckets();

        assertTrue(removed >= 1, "removed " + removed);
        assertEquals(0, database.count("SELECT count(*) FROM rate_limit_bucket WHERE id = 'key:" + idle + "'"));
        // A bucket that is not full again keeps its row: deleting it would hand out a fresh burst.
        assertEquals(1, database.count("SELECT count(*) FROM rate_limit_bucket WHERE id = 'key:" + busy + "'"));
        // And a removed bucket comes back full.
        for (int i = 0; i < 3; i++) {
            assertTrue(take(fast, idle, null).isEmpty());
        }
        assertTrue(take(fast, idle, null).isPresent());
        assertEquals(0, new RateLimiter(TestLimits.of(3, PERIOD, Store.MEMORY), poolA).removeIdleBuckets());
        fast.stop();
        slow.stop();
    }

    static Optional<Duration> take(RateLimiter limiter, String keyId, String address) {
        return limiter.take(keyId, address).toCompletableFuture().join();
    }
}
