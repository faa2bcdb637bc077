package dev.vocloop.ticket.outbox;

/** A delivery that may succeed when tried again (5xx, 408, 429). */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message) {
        super(message);
    }
}
