package dev.vocloop.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets per API key and per client address. Buckets live in this gateway replica's memory:
 * with n replicas behind a load balancer a client gets up to n times the limit, which is acceptable
 * for abuse protection and needs no shared store.
 */
@ApplicationScoped
public class RateLimiter {

    private final LimitsConfig config;
    /** Idle buckets are full again after one period, so forgetting them then loses nothing. */
    private final Cache<String, Bucket> buckets;

    public RateLimiter(LimitsConfig config) {
        this.config = config;
        Duration longest = config.perKeyPeriod().compareTo(config.perIpPeriod()) > 0 ? config.perKeyPeriod() : config.perIpPeriod();
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(longest).build();
    }

    /** Takes one request from the key's bucket; when it is empty, how long until the next one is allowed. */
    public Optional<Duration> takeForKey(String keyId) {
        return take("key:" + keyId, config.perKeyRequests(), config.perKeyPeriod());
    }

    /** Takes one request from the client address's bucket; when it is empty, how long to wait. */
    public Optional<Duration> takeForAddress(String address) {
        return take("ip:" + address, config.perIpRequests(), config.perIpPeriod());
    }

    private Optional<Duration> take(String id, long requests, Duration period) {
        Bucket bucket = buckets.get(id, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
