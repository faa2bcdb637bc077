package dev.vocloop.gateway.limits;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;

/** Limits for a limiter built outside Quarkus; the body limits are the defaults and not used here. */
record TestLimits(long perKeyRequests, Duration perKeyPeriod, long perIpRequests, Duration perIpPeriod,
        Store store, Duration storeTimeout, Duration storeRetry) implements LimitsConfig {

    /** {@code requests} per {@code period} for keys and addresses alike, a generous timeout, a short retry. */
    static TestLimits of(long requests, Duration period, Store store) {
        return new TestLimits(requests, period, requests, period, store, Duration.ofSeconds(5), Duration.ofMillis(300));
    }

    @Override
    public MemorySize feedbackBody() {
        return new MemorySize(BigInteger.valueOf(64 * 1024));
    }

    @Override
    public MemorySize bulkBody() {
        return new MemorySize(BigInteger.valueOf(10 * 1024 * 1024));
    }

    @Override
    public MemorySize defaultBody() {
        return new MemorySize(BigInteger.valueOf(1024 * 1024));
    }

    @Override
    public Duration cleanupInterval() {
        return Duration.ofMinutes(1);
    }
}
