package dev.vocloop.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the web console and the public customer pages served by the gateway. */
@ConfigMapping(prefix = "vocloop.gateway.console")
public interface ConsoleConfig {

    /** A signed-in session ends after this long without a request; the user signs in again. */
    @WithDefault("30m")
    Duration sessionIdleTimeout();

    /** Upper bound of live sessions kept in memory; the least recently used go first beyond it. */
    @WithDefault("10000")
    long maxSessions();

    /**
     * Base URL where the pages call the public API. Unset: the gateway itself on the loopback
     * address and its own HTTP port, so roles and limits apply exactly as for API clients.
     */
    Optional<String> apiUrl();

    /** Timeout of one API call made by a page. */
    @WithDefault("10s")
    Duration apiTimeout();

    /** Seconds between refreshes of the team queue in an open browser. */
    @WithDefault("30")
    int queueRefreshSeconds();

    /**
     * Customers per invitation request when an admin uploads a CSV: the console sends the list in
     * batches of this size and shows the progress. survey-service accepts at most 1000 per request.
     */
    @WithDefault("500")
    int invitationBatchSize();
}
