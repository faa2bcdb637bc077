package dev.vocloop.feedback.items;

import java.time.Instant;

/**
 * The hand-over of an item to ticket-service, kept inside the feedback document (outbox in the
 * document: MongoDB writes one document atomically, so the item and its pending hand-over can
 * never disagree).
 *
 * @param leaseOwner the relay instance that claimed it; the claim is void after {@code leaseUntil}
 */
public record Delivery(State state, int attempts, Instant nextAttemptAt, String leaseOwner, Instant leaseUntil,
                       String lastError, Instant deliveredAt) {

    /** Life of a hand-over: PENDING until a relay claims it (IN_FLIGHT), then DELIVERED or back to PENDING, FAILED when parked. */
    public enum State {
        PENDING, IN_FLIGHT, DELIVERED, FAILED
    }

    public static Delivery pending(Instant now) {
        return new Delivery(State.PENDING, 0, now, null, null, null, null);
    }
}
