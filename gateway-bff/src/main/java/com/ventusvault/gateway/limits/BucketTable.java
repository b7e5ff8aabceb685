package com.ventusvault.gateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The token buckets of one kind of key (client IPs or users), created on first use. The table is bounded: past
 * {@code maxKeys} it first drops buckets that have refilled completely (they hold no state a new bucket would not
 * have), then, if a flood of new keys still overfills it, any bucket.
 */
final class BucketTable {

    private final LimitsProperties.BucketProperties spec;
    private final int maxKeys;
    private final TimeMeter time;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    BucketTable(LimitsProperties.BucketProperties spec, int maxKeys, TimeMeter time) {
        this.spec = spec;
        this.maxKeys = maxKeys;
        this.time = time;
    }

    long capacity() {
        return spec.capacity();
    }

    /** Takes one token from {@code key}'s bucket. */
    ConsumptionProbe take(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evict();
            }
            bucket = buckets.computeIfAbsent(key, k -> newBucket());
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    int size() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(spec.capacity()).refillGreedy(spec.capacity(), spec.period()))
                .withCustomTimePrecision(time)
                .build();
    }

    private void evict() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= spec.capacity());
        Iterator<String> keys = buckets.keySet().iterator();
        while (buckets.size() >= maxKeys && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
