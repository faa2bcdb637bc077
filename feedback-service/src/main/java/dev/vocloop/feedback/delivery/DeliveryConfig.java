package dev.vocloop.feedback.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the relay hands actionable items over to ticket-service. */
@ConfigMapping(prefix = "feedback.delivery")
public interface DeliveryConfig {

    /** Attempts before a hand-over is parked as FAILED (then only an admin retry sends it again). */
    @WithDefault("10")
    int maxAttempts();

    /** Wait before the second attempt; doubles with each further attempt. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** How long a relay owns a claimed hand-over; after that another replica may take it over. */
    @WithDefault("30s")
    Duration lease();

    /** How often the sweep looks for due hand-overs (also set as feedback.delivery.sweep-interval for the scheduler). */
    @WithDefault("2s")
    Duration sweepInterval();

    /** Most hand-overs one round sends; the relay goes round again while rounds find work. */
    @WithDefault("200")
    int batchSize();
}
