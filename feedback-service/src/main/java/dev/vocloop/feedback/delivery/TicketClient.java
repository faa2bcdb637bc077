package dev.vocloop.feedback.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Hands feedback over to ticket-service. The call is safe to repeat (the Idempotency-Key makes
 * ticket-service answer a repeat with the first ticket), so it is retried briefly here and then
 * again, with a longer backoff, by the relay. A refusal (4xx other than 408/429) is an answer, not an
 * outage: it neither retries nor counts towards opening the circuit.
 */
@ApplicationScoped
public class TicketClient {

    private final TicketRestClient api;

    public TicketClient(@RestClient TicketRestClient api) {
        this.api = api;
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = TicketRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 5000, skipOn = TicketRejectedException.class)
    public TicketAnswer fromFeedback(String feedbackId, TicketRequest request) {
        try {
            return api.fromFeedback("feedback:" + feedbackId, request);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new TicketRejectedException(status);
            }
            throw e;
        }
    }
}
