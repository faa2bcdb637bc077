package dev.vocloop.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.gateway.limits.LimitsConfig.Store;
import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: what a take costs with each store, in the same run against the same
 * PostgreSQL (embedded, or {@code VOCLOOP_TEST_PG_URL}). Excluded from the default build; run with
 * {@code ./mvnw -B -pl gateway verify -Pbench}. Prints the median over runs of the mean time per take
 * and the ratio to the memory store.
 *
 * <ul>
 *   <li>{@code memory}: {@link RateLimiter} with the memory store (the old behaviour).
 *   <li>{@code postgresql}: {@link RateLimiter} with the PostgreSQL store, as a request sees it
 *       (hand-over to the take pool and back, timeout watch, one Bucket4j transaction).
 *   <li>{@code hand-over only}: the same hand-over to a pool thread and back, without a database.
 *   <li>{@code postgresql, refused}: a take on a bucket PostgreSQL reported empty (answered here).
 *   <li>{@code select-for-update} / {@code advisory lock}: Bucket4j's two PostgreSQL backends alone,
 *       on the calling thread, the second on a table of its own ({@code explicit_lock} for its expiry).
 *   <li>{@code select-for-update, logged}: the same on an ordinary (WAL-logged) copy of the
 *       UNLOGGED {@code rate_limit_bucket}: what the commit's flush costs.
 * </ul>
 *
 * Takes go round {@value #KEYS} keys whose rows exist (a warm-up run creates them), one thread.
 */
@Tag("bench")
class RateLimitStoreBenchmarkTest {

    private static final int TAKES = Integer.getInteger("bench.takes", 2_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    private static final int KEYS = 1_000;

    @Test
    void takesPerStore() {
        BucketDatabase database = BucketDatabase.create();
        database.execute("CREATE UNLOGGED TABLE bench_advisory (id TEXT PRIMARY KEY, state BYTEA, expires_at BIGINT, explicit_lock BIGINT)"
                + " WITH (fillfactor = 70)");
        database.execute("CREATE TABLE bench_logged (id TEXT PRIMARY KEY, state BYTEA, expires_at BIGINT)"
                + " WITH (fillfactor = 70)");
        try (AgroalDataSource pool = database.pool(0)) {
            TestLimits plenty = TestLimits.of(1_000_000_000L, Duration.ofHours(1), Store.POSTGRESQL);
            RateLimiter memory = new RateLimiter(new TestLimits(plenty.perKeyRequests(), plenty.perKeyPeriod(),
                    plenty.perIpRequests(), plenty.perIpPeriod(), Store.MEMORY, plenty.storeTimeout(), plenty.storeRetry()), pool);
            RateLimiter shared = new RateLimiter(plenty, pool);
            RateLimiter refusing = new RateLimiter(TestLimits.of(1, Duration.ofHours(1), Store.POSTGRESQL), pool);
            SharedBucketsTest.take(refusing, "empty", null);
            SharedBucketsTest.take(refusing, "empty", null);

            BucketConfiguration configuration = BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(1_000_000_000L).refillGreedy(1_000_000_000L, Duration.ofHours(1)).build())
                    .build();
            ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);
            ProxyManager<String> selectForUpdate = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).table("rate_limit_bucket").idColumn("id").stateColumn("state")
                    .expiresAtColumn("expires_at").expirationAfterWrite(expiry).build();
            ProxyManager<String> logged = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).table("bench_logged").idColumn("id").stateColumn("state")
                    .expiresAtColumn("expires_at").expirationAfterWrite(expiry).build();
            ProxyManager<String> advisory = Bucket4jPostgreSQL.advisoryLockBasedBuilder(pool)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).table("bench_advisory").idColumn("id").stateColumn("state")
                    .expiresAtColumn("expires_at").lockColumn("explicit_lock").expirationAfterWrite(expiry).build();

            // What handing a take to another thread and back costs, without the database.
            ExecutorService handOver = Executors.newFixedThreadPool(8);

            Map<String, IntConsumer> stores = new LinkedHashMap<>();
            stores.put("memory", i -> memory.take("m" + (i % KEYS), null).toCompletableFuture().join());
            stores.put("postgresql", i -> shared.take("p" + (i % KEYS), null).toCompletableFuture().join());
            stores.put("hand-over only", i -> CompletableFuture.supplyAsync(() -> i, handOver)
                    .orTimeout(5, TimeUnit.SECONDS).handle((v, e) -> v).join());
            stores.put("postgresql, refused", i -> refusing.take("empty", null).toCompletableFuture().join());
            stores.put("select-for-update", i -> selectForUpdate.builder().build("s" + (i % KEYS), () -> configuration).tryConsume(1));
            stores.put("select-for-update, logged", i -> logged.builder().build("l" + (i % KEYS), () -> configuration).tryConsume(1));
            stores.put("advisory lock", i -> advisory.builder().build("a" + (i % KEYS), () -> configuration).tryConsume(1));

            Map<String, List<Double>> micros = new LinkedHashMap<>();
            for (int run = -1; run < RUNS; run++) {
                for (Map.Entry<String, IntConsumer> store : stores.entrySet()) {
                    int n = run < 0 ? Math.max(TAKES, KEYS) : TAKES;
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        store.getValue().accept(i);
                    }
                    long elapsed = System.nanoTime() - start;
                    if (run >= 0) { // the first round creates the rows and warms the JIT
                        micros.computeIfAbsent(store.getKey(), k -> new ArrayList<>()).add(elapsed / 1_000.0 / n);
                    }
                }
            }
            assertTrue(shared.sharesBuckets(), "the PostgreSQL store never fell back during the benchmark");

            double baseline = median(micros.get("memory"));
            StringBuilder table = new StringBuilder(String.format(
                    "%nrate-limit take, %d takes x %d runs over %d keys, one thread, %s%n%-30s %12s %12s %12s %10s%n",
                    TAKES, RUNS, KEYS, database.url.replaceAll("\\?.*", ""), "store", "median us", "min us", "max us", "x memory"));
            for (Map.Entry<String, List<Double>> e : micros.entrySet()) {
                double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                table.append(String.format("%-30s %12.1f %12.1f %12.1f %10.1f%n",
                        e.getKey(), median(e.getValue()), v[0], v[v.length - 1], median(e.getValue()) / baseline));
            }
            table.append(roundTrips(database, configuration, expiry));
            System.out.println(table);
            handOver.shutdown();
            memory.stop();
            shared.stop();
            refusing.stop();
        }
    }

    /** Round trips per take on a bucket whose row exists, counted on the wire through a relay. */
    private static String roundTrips(BucketDatabase database, BucketConfiguration configuration, ExpirationAfterWriteStrategy expiry) {
        StringBuilder out = new StringBuilder("round trips per take (counted on the wire through a TCP relay):");
        try (TcpRelay relay = new TcpRelay(database.port()); AgroalDataSource pool = database.pool(relay.port())) {
            Map<String, ProxyManager<String>> managers = new LinkedHashMap<>();
            managers.put("select-for-update", Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).table("rate_limit_bucket").idColumn("id").stateColumn("state")
                    .expiresAtColumn("expires_at").expirationAfterWrite(expiry).build());
            managers.put("advisory lock", Bucket4jPostgreSQL.advisoryLockBasedBuilder(pool)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).table("bench_advisory").idColumn("id").stateColumn("state")
                    .expiresAtColumn("expires_at").lockColumn("explicit_lock").expirationAfterWrite(expiry).build());
            for (Map.Entry<String, ProxyManager<String>> m : managers.entrySet()) {
                m.getValue().builder().build("rt", () -> configuration).tryConsume(1); // creates the row, opens the connection
                int n = 200;
                long before = relay.roundTrips();
                for (int i = 0; i < n; i++) {
                    m.getValue().builder().build("rt", () -> configuration).tryConsume(1);
                }
                long existing = relay.roundTrips() - before;
                before = relay.roundTrips();
                for (int i = 0; i < n; i++) {
                    m.getValue().builder().build("rt-new-" + i, () -> configuration).tryConsume(1);
                }
                out.append(String.format("%n  %-20s %.2f (a new bucket: %.2f)", m.getKey(), existing / (double) n,
                        (relay.roundTrips() - before) / (double) n));
            }
        }
        return out.append(String.format("%n")).toString();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
