package dev.vocloop.feedback.delivery;

/** ticket-service answered a hand-over with a 4xx other than 408/429: an answer, not an outage, so it is not retried. */
public class TicketRejectedException extends RuntimeException {

    private final int status;

    public TicketRejectedException(int status) {
        super("ticket-service refused the hand-over with status " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
