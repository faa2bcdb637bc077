package dev.vocloop.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Buckets in this replica's memory: the {@code memory} store, and the fallback while PostgreSQL is down. */
final class LocalBuckets implements Buckets {

    /** Idle buckets are full again after one period, so forgetting them then loses nothing. */
    private final Cache<String, Bucket> buckets;

    LocalBuckets(Duration longestPeriod) {
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(longestPeriod).build();
    }

    @Override
    public ConsumptionProbe take(String id, BucketConfiguration configuration) {
        Bucket bucket = buckets.get(id, ignored -> {
            var builder = Bucket.builder();
            for (Bandwidth limit : configuration.getBandwidths()) {
                builder.addLimit(limit);
            }
            return builder.build();
        });
        return bucket.tryConsumeAndReturnRemaining(1);
    }
}
