package dev.vocloop.survey.outbox;

/**
 * The receiver could not take the hand-over now (5xx, 408, 429): worth retrying later, and a
 * failure for the circuit breaker.
 */
public class ReceiverUnavailableException extends RuntimeException {

    private final int status;

    public ReceiverUnavailableException(int status) {
        super("receiver answered " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
