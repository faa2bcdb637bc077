package dev.vocloop.commons.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static long millis(int attempts, Duration initial, Duration max) {
        return Backoff.next(attempts, initial, max).toMillis();
    }

    @Test
    void doublesWithEachAttemptBetweenHalfAndAllOfTheStep() {
        for (int i = 0; i < 500; i++) {
            long first = millis(1, SECOND, FIVE_MINUTES);
            long second = millis(2, SECOND, FIVE_MINUTES);
            long fourth = millis(4, SECOND, FIVE_MINUTES);
            assertTrue(first >= 500 && first <= 1_000, "attempt 1: " + first);
            assertTrue(second >= 1_000 && second <= 2_000, "attempt 2: " + second);
            assertTrue(fourth >= 4_000 && fourth <= 8_000, "attempt 4: " + fourth);
        }
    }

    @Test
    void neverExceedsTheCap() {
        for (int i = 0; i < 500; i++) {
            long tenth = millis(10, SECOND, FIVE_MINUTES);
            assertTrue(tenth >= 150_000 && tenth <= 300_000, "attempt 10: " + tenth);
        }
    }

    @Test
    void aVeryLateAttemptOrAVeryLongInitialDelayStaysAtTheCapInsteadOfOverflowing() {
        for (int attempts : new int[] {31, 64, 1_000, Integer.MAX_VALUE}) {
            long delay = millis(attempts, SECOND, FIVE_MINUTES);
            assertTrue(delay >= 150_000 && delay <= 300_000, "attempt " + attempts + ": " + delay);
        }
        // 100 days * 2^30 does not fit in a long of milliseconds
        long delay = millis(31, Duration.ofDays(100), Duration.ofDays(365));
        assertTrue(delay >= Duration.ofDays(365).toMillis() / 2 && delay <= Duration.ofDays(365).toMillis(), "got " + delay);
    }

    @Test
    void anAttemptCountBelowOneCountsAsTheFirst() {
        for (int i = 0; i < 100; i++) {
            long zero = millis(0, SECOND, FIVE_MINUTES);
            long negative = millis(-3, SECOND, FIVE_MINUTES);
            assertTrue(zero >= 500 && zero <= 1_000, "attempt 0: " + zero);
            assertTrue(negative >= 500 && negative <= 1_000, "attempt -3: " + negative);
        }
    }

    @Test
    void jitterSpreadsOverTheWholeUpperHalf() {
        Set<Long> seen = new HashSet<>();
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (int i = 0; i < 2_000; i++) {
            long delay = millis(3, Duration.ofMillis(250), FIVE_MINUTES);
            seen.add(delay);
            lowest = Math.min(lowest, delay);
            highest = Math.max(highest, delay);
        }
        // ceiling 1000 ms: values from 500 to 1000, not one fixed delay and not bunched at one end
        assertTrue(seen.size() > 200, "only " + seen.size() + " distinct delays");
        assertTrue(lowest >= 500 && lowest < 550, "lowest " + lowest);
        assertTrue(highest <= 1_000 && highest > 950, "highest " + highest);
    }

    @Test
    void aZeroInitialDelayRetriesAtOnce() {
        assertEquals(Duration.ZERO, Backoff.next(3, Duration.ZERO, FIVE_MINUTES));
    }
}
