package dev.vocloop.gateway.limits;

import static dev.vocloop.gateway.limits.SharedBucketsTest.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.gateway.limits.LimitsConfig.Store;
import io.agroal.api.AgroalDataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away, coming back, and not answering: every take still answers (from this
 * replica's own buckets), nothing is thrown, one WARN says so without naming a key or an address,
 * and the shared buckets are used again once the database answers.
 */
class BucketStoreOutageTest {

    private static final int N = 5;
    private static final Duration PERIOD = Duration.ofMinutes(10);

    private static BucketDatabase database;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void database() {
        database = BucketDatabase.create();
    }

    @BeforeEach
    void captureLog() {
        Logger.getLogger(RateLimiter.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger(RateLimiter.class.getName()).removeHandler(capture);
    }

    @Test
    void databaseGoneAndBack() throws Exception {
        try (TcpRelay relay = new TcpRelay(database.port()); AgroalDataSource pool = database.pool(relay.port())) {
            RateLimiter limiter = new RateLimiter(TestLimits.of(N, PERIOD, Store.POSTGRESQL), pool);
            String before = UUID.randomUUID().toString();
            assertTrue(take(limiter, before, null).isEmpty());
            assertTrue(take(limiter, before, null).isEmpty());
            assertEquals(1, database.count("SELECT count(*) FROM rate_limit_bucket WHERE id = 'key:" + before + "'"));

            relay.cut();
            String during = UUID.randomUUID().toString();
            int allowed = 0;
            long started = System.nanoTime();
            for (int i = 0; i < N + 3; i++) {
                if (take(limiter, during, "198.51.100.23").isEmpty()) {
                    allowed++;
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(N, allowed, "while the database is down this replica's own buckets hold the limit");
            assertFalse(limiter.sharesBuckets());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "takes answered in " + took);
            assertEquals(0, database.count("SELECT count(*) FROM rate_limit_bucket WHERE id = 'key:" + during + "'"));

            List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertEquals(1, warnings.size(), "one WARN for the switch: " + messages());
            String warning = warnings.get(0).getMessage();
            assertTrue(warning.contains("own buckets"), warning);
            for (String secret : List.of(before, during, "198.51.100.23", "key:", "ip:")) {
                assertFalse(messages().contains(secret), "the log names " + secret + ": " + messages());
            }

            relay.restore();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!limiter.sharesBuckets() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                take(limiter, UUID.randomUUID().toString(), null);
            }
            assertTrue(limiter.sharesBuckets(), "shared again after the database came back: " + messages());
            // The bucket kept in PostgreSQL across the outage: 2 of 5 were taken before it.
            int left = 0;
            while (take(limiter, before, null).isEmpty()) {
                left++;
            }
            assertEquals(N - 2, left);
            assertTrue(messages().contains("answers again"), messages());
            limiter.stop();
        }
    }

    @Test
    void databaseNeverThere() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        // The production timeout: the pool waits for a connection longer than that before it gives up.
        TestLimits limits = new TestLimits(N, PERIOD, N, PERIOD, Store.POSTGRESQL, Duration.ofMillis(500), Duration.ofMillis(300));
        try (AgroalDataSource pool = database.pool(closed)) {
            RateLimiter a = new RateLimiter(limits, pool);
            RateLimiter b = new RateLimiter(limits, pool);
            String key = UUID.randomUUID().toString();
            int allowed = 0;
            long started = System.nanoTime();
            for (int i = 0; i < 3 * N; i++) {
                if (take(i % 2 == 0 ? a : b, key, null).isEmpty()) {
                    allowed++;
                }
                Thread.sleep(50); // past the retry interval: probes run, and fail, in the background
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // Only the first take of each replica waited (the store timeout); later ones never do.
            assertTrue(took.compareTo(Duration.ofMillis(15 * 50 + 2 * 500 + 4_000)) < 0, "took " + took);
            // Fail-safe, not fail-open: each replica still holds the limit on its own.
            assertEquals(2 * N, allowed);
            assertFalse(a.sharesBuckets() || b.sharesBuckets());
            a.stop();
            b.stop();
        }
    }

    @Test
    void databaseTooSlowToAnswer() throws Exception {
        TestLimits limits = new TestLimits(N, PERIOD, N, PERIOD, Store.POSTGRESQL, Duration.ofMillis(300), Duration.ofMillis(300));
        try (AgroalDataSource pool = database.pool(0)) {
            RateLimiter limiter = new RateLimiter(limits, pool);
            String key = UUID.randomUUID().toString();
            assertTrue(take(limiter, key, null).isEmpty());
            // Another transaction holds the bucket's row: the next take cannot get it.
            try (Connection holder = DriverManager.getConnection(database.url, database.user, database.password)) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement("SELECT state FROM rate_limit_bucket WHERE id = ? FOR UPDATE")) {
                    lock.setString(1, "key:" + key);
                    lock.executeQuery().close();
                }
                long started = System.nanoTime();
                Optional<Duration> wait = take(limiter, key, null);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(wait.isEmpty(), "answered from the local bucket");
                assertTrue(took.compareTo(Duration.ofMillis(250)) > 0 && took.compareTo(Duration.ofSeconds(5)) < 0,
                        "waited about the store timeout: " + took);
                assertFalse(limiter.sharesBuckets());
                holder.rollback();
            }
            assertEquals(1, logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).count(), messages());
            assertTrue(messages().contains("no answer within"), messages());
            limiter.stop();
        }
    }

    private String messages() {
        return String.join(" | ", logged.stream().map(r -> r.getLevel() + " " + format(r)).toList());
    }

    private static String format(LogRecord r) {
        Object[] p = r.getParameters();
        return p == null || p.length == 0 ? r.getMessage() : String.format(r.getMessage(), p);
    }
}
