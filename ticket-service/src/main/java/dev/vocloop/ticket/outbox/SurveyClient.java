package dev.vocloop.ticket.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks survey-service for a follow-up. A 4xx (other than 408/429) is survey-service's answer, not
 * an outage: it is returned as a result and does not count against the circuit breaker. Only 5xx,
 * 408/429, timeouts and connection errors are failures; the outbox retries those later as well.
 */
@ApplicationScoped
public class SurveyClient {

    private final SurveyRestClient rest;

    public SurveyClient(@RestClient SurveyRestClient rest) {
        this.rest = rest;
    }

    /** The receiver's answer to a delivery. */
    public record Result(int status, String reason) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = DeliveryFailedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Result createFollowUp(String idempotencyKey, String body) {
        int status;
        try (Response response = rest.createFollowUp(idempotencyKey, body)) {
            status = response.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new DeliveryFailedException("survey-service answered " + status);
        }
        return new Result(status, status >= 400 ? "survey-service refused the follow-up with " + status : null);
    }
}
