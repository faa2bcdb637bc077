package dev.vocloop.commons.relay;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, the one retry schedule of every relay (survey-service's mail
 * and outbox relays, ticket-service's outbox relay, feedback-service's delivery relay).
 */
public final class Backoff {

    private Backoff() {
    }

    /**
     * Delay before the next attempt after {@code attempts} failed ones: a random value between half
     * and all of {@code initial * 2^(attempts-1)}, capped at {@code max} ("equal jitter"). The jitter
     * keeps replicas and many rows from retrying in lock-step against a receiver that is coming back;
     * the fixed half keeps a retry from following its failure at once.
     */
    public static Duration next(int attempts, Duration initial, Duration max) {
        int exponent = Math.min(Math.max(attempts - 1, 0), 30);
        long cap = Math.max(max.toMillis(), 0);
        long start = Math.max(initial.toMillis(), 0);
        // initial * 2^exponent saturates at the cap: a long initial delay must not wrap round to a negative one
        long ceiling = start > (cap >> exponent) ? cap : start << exponent;
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
