package dev.vocloop.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the services behind the gateway listen and how long the gateway waits for them. */
@ConfigMapping(prefix = "vocloop.gateway.services")
public interface ServicesConfig {

    /** feedback-service (feedback, classifier, its admin endpoints). */
    Service feedback();

    /** ticket-service (tickets, teams, routing rules, SLA policies, its admin endpoints). */
    Service ticket();

    /** survey-service (surveys, responses, follow-ups, customers, NPS, unsubscribe, its admin endpoints). */
    Service survey();

    /** Longest wait for a TCP connection to a service before answering 502. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Longest wait for the response head of bulk routes (feedback batch, inbound e-mail) before answering 504. */
    @WithDefault("60s")
    Duration bulkTimeout();

    /** One service behind the gateway. */
    interface Service {

        /** Base URL of the service, e.g. {@code http://127.0.0.1:8081}. */
        URI url();

        /** Longest wait for the response head before answering 504. */
        @WithDefault("10s")
        Duration timeout();
    }
}
