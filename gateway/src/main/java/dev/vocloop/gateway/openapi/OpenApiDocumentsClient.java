package dev.vocloop.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Fetches the services' OpenAPI documents. Reading a document is safe to repeat, so one retry;
 * the circuit breaker keeps a service that is down from slowing every request for the document.
 * Every error counts as a failure here: a service without its document is of no use to the merge.
 */
@ApplicationScoped
public class OpenApiDocumentsClient {

    private final FeedbackOpenApiApi feedback;
    private final TicketOpenApiApi ticket;
    private final SurveyOpenApiApi survey;

    public OpenApiDocumentsClient(@RestClient FeedbackOpenApiApi feedback, @RestClient TicketOpenApiApi ticket,
            @RestClient SurveyOpenApiApi survey) {
        this.feedback = feedback;
        this.ticket = ticket;
        this.survey = survey;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public ObjectNode feedback() {
        return feedback.document("json");
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public ObjectNode ticket() {
        return ticket.document("json");
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public ObjectNode survey() {
        return survey.document("json");
    }
}
