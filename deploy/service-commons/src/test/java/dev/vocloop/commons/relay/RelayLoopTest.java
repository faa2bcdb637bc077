package dev.vocloop.commons.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayLoopTest {

    /** Long enough for a round the loop should not run to have run on a busy 2-core machine. */
    private static final long QUIET_MS = 300;

    private RelayLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.shutdown();
        }
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out waiting for " + what);
    }

    @Test
    void aWakeRunsARound() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        loop = new RelayLoop("test-relay", () -> {
            ran.countDown();
            return 0;
        });
        loop.wake();
        await(ran, "a round");
    }

    @Test
    void aWakeDuringADrainCausesExactlyOneMorePass() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        loop = new RelayLoop("test-relay", () -> {
            int n = rounds.incrementAndGet();
            if (n == 1) {
                firstStarted.countDown();
                try {
                    releaseFirst.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                secondDone.countDown();
            }
            return 0;
        });
        loop.wake();
        await(firstStarted, "the first round");
        // several wake-ups while the (empty) round runs: a write committed meanwhile must still be picked up
        loop.wake();
        loop.wake();
        loop.wake();
        releaseFirst.countDown();
        await(secondDone, "the extra pass");
        Thread.sleep(QUIET_MS);
        assertEquals(2, rounds.get(), "wake-ups during a drain make one more pass, no more");
    }

    @Test
    void goesRoundAgainWhileRoundsFindWorkAndStopsAtTheFirstEmptyOne() throws Exception {
        List<Integer> results = new CopyOnWriteArrayList<>(List.of(20, 20, 3, 0));
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch emptyRound = new CountDownLatch(1);
        loop = new RelayLoop("test-relay", () -> {
            int n = rounds.getAndIncrement();
            int handled = n < results.size() ? results.get(n) : 0;
            if (handled == 0) {
                emptyRound.countDown();
            }
            return handled;
        });
        loop.wake();
        await(emptyRound, "the empty round");
        Thread.sleep(QUIET_MS);
        assertEquals(4, rounds.get());
    }

    @Test
    void aFailingRoundIsLoggedAndTheLoopRecoversOnTheNextWake() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RelayLoop.class.getName());
        logger.addHandler(capture);
        try {
            AtomicInteger rounds = new AtomicInteger();
            CountDownLatch failed = new CountDownLatch(1);
            CountDownLatch recovered = new CountDownLatch(1);
            loop = new RelayLoop("test-relay", () -> {
                if (rounds.incrementAndGet() == 1) {
                    failed.countDown();
                    throw new IllegalStateException("store unreachable");
                }
                recovered.countDown();
                return 0;
            });
            loop.wake();
            await(failed, "the failing round");
            Thread.sleep(QUIET_MS);
            assertEquals(1, rounds.get(), "a failed round is not retried at once; the next wake or sweep does that");
            loop.wake();
            await(recovered, "a round after the failure");
            assertTrue(warnings.stream().anyMatch(r -> formatted(r).contains("test-relay round failed")
                    && formatted(r).contains("store unreachable")), "no warning about the failed round: " + warnings);
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static String formatted(LogRecord record) {
        Object[] params = record.getParameters();
        return params == null || params.length == 0 ? record.getMessage() : String.format(record.getMessage(), params);
    }

    @Test
    void shutdownStopsARunningDrainAndIgnoresLaterWakes() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch busy = new CountDownLatch(3);
        // a relay with endless work: only shutdown ends its drain
        IntSupplier endless = () -> {
            rounds.incrementAndGet();
            busy.countDown();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        };
        loop = new RelayLoop("test-relay", endless);
        loop.wake();
        await(busy, "the drain to run");
        assertFalse(loop.isStopped());
        loop.shutdown();
        assertTrue(loop.isStopped());
        Thread.sleep(QUIET_MS);
        int afterShutdown = rounds.get();
        loop.wake();
        Thread.sleep(QUIET_MS);
        assertEquals(afterShutdown, rounds.get(), "a round ran after shutdown");
    }
}
