package dev.vocloop.survey.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls ticket-service. A 4xx (other than 408/429) comes back as a {@link HandOverAnswer} and does
 * not count as a failure: it is the receiver's answer, not an outage. Only 5xx, 408, 429,
 * connection errors and timeouts open the circuit. The one quick retry covers a dropped
 * connection only: an answered 5xx goes straight back to the outbox relay, whose backoff is the
 * real retry (and a retry here would hide the failed half-open trial behind the open circuit).
 */
@ApplicationScoped
public class TicketClient {

    private final TicketRestClient rest;

    public TicketClient(@RestClient TicketRestClient rest) {
        this.rest = rest;
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = {CircuitBreakerOpenException.class, ReceiverUnavailableException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    public HandOverAnswer followUpOutcome(String ticketId, String idempotencyKey, String json) {
        return Answers.call(() -> rest.followUpOutcome(ticketId, idempotencyKey, json));
    }
}
