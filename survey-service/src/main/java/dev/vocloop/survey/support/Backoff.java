package dev.vocloop.survey.support;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, shared by the mail and outbox relays. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * Delay before the next attempt after {@code attempts} failed ones: a random value between half
     * and all of {@code initial * 2^(attempts-1)}, capped at {@code max}. The jitter keeps replicas
     * and many rows from retrying in lock-step against a receiver that is coming back.
     */
    public static Duration next(int attempts, Duration initial, Duration max) {
        int exponent = Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << exponent));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
