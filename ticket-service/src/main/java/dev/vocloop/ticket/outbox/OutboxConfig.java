package dev.vocloop.ticket.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay delivers hand-overs. */
@ConfigMapping(prefix = "ticket.outbox")
public interface OutboxConfig {

    /** Attempts before a hand-over is parked as FAILED for an admin to retry. */
    @WithDefault("10")
    int maxAttempts();

    /** Delay before the first retry; each further retry doubles it (with jitter). */
    @WithDefault("PT1S")
    Duration baseDelay();

    /** Upper bound of the delay between two attempts. */
    @WithDefault("PT5M")
    Duration maxDelay();

    /** How long a claimed hand-over is hidden from other relays; a crashed relay's claim expires after it. */
    @WithDefault("PT30S")
    Duration lease();

    /** How often the relay sweeps for retries that came due and for claims a crashed replica left. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** Hand-overs claimed in one round. */
    @WithDefault("20")
    int batchSize();
}
