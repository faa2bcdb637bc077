package dev.vocloop.gateway.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Request limits the gateway enforces before anything reaches a service. */
@ConfigMapping(prefix = "vocloop.gateway.limits")
public interface LimitsConfig {

    /** Largest body of a single feedback item ({@code POST /api/v1/feedback}). */
    @WithDefault("64K")
    MemorySize feedbackBody();

    /** Largest body of a feedback batch or a raw inbound e-mail. */
    @WithDefault("10M")
    MemorySize bulkBody();

    /** Largest body of any other request. */
    @WithDefault("1M")
    MemorySize defaultBody();

    /** Requests an API key may make per period (a burst of this size is allowed, then refilled evenly). */
    @WithDefault("600")
    long perKeyRequests();

    /** Period of the per-key limit. */
    @WithDefault("1m")
    Duration perKeyPeriod();

    /** Requests one client address may make per period on public and customer-app routes. */
    @WithDefault("120")
    long perIpRequests();

    /** Period of the per-address limit. */
    @WithDefault("1m")
    Duration perIpPeriod();

    /**
     * Where the rate-limit buckets live: {@code postgresql}, shared by every gateway replica, or
     * {@code memory}, each replica its own (with n replicas a client gets up to n times the limits).
     */
    @WithDefault("postgresql")
    Store store();

    /**
     * How long a request waits for the PostgreSQL buckets; after that it is counted in this replica's
     * own buckets and the store is treated as down.
     */
    @WithDefault("500ms")
    Duration storeTimeout();

    /** After PostgreSQL failed or was too slow, how long this replica counts in its own buckets before asking it again. */
    @WithDefault("5s")
    Duration storeRetry();

    /** How often the rows of buckets that are full again (idle) are deleted from PostgreSQL. */
    @WithDefault("1m")
    Duration cleanupInterval();

    /** Where the rate-limit buckets live. */
    enum Store {
        /** One bucket per key or address for all replicas, in the gateway's PostgreSQL. */
        POSTGRESQL,
        /** Buckets in this replica's memory, as for a single replica. */
        MEMORY
    }
}
