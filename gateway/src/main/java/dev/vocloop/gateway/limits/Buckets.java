package dev.vocloop.gateway.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** A place where token buckets live, one per id ({@code key:<id>}, {@code ip:<address>}). */
interface Buckets {

    /** Takes one token from the bucket of this id, creating it full with this configuration when it does not exist. */
    ConsumptionProbe take(String id, BucketConfiguration configuration);
}
