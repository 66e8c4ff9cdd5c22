package com.buildnest.platform.throttle;

import java.time.Duration;

import com.buildnest.platform.throttle.ThrottleProperties.Limit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets in this process: the only ones in the embedded default, the fallback when Redis
 * fails. Held in a bounded cache so that a flood of distinct keys cannot grow memory without
 * limit. A bucket left alone for its limit's period has refilled completely, so forgetting it
 * then changes nothing.
 */
final class LocalBuckets {

    private record Held(Bucket bucket, Duration period) {
    }

    private final Cache<String, Held> buckets;
    private final TimeMeter time;

    LocalBuckets(int maxKeys, TimeMeter time) {
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfter(Expiry.accessing((String key, Held held) -> held.period()))
                .build();
    }

    ConsumptionProbe tryConsume(String key, Limit limit) {
        Held held = buckets.get(key, absent -> new Held(
                Bucket.builder().addLimit(limit.bandwidth()).withCustomTimePrecision(time).build(), limit.period()));
        return held.bucket().tryConsumeAndReturnRemaining(1);
    }
}
