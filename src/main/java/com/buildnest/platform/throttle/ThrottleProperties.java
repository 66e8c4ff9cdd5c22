package com.buildnest.platform.throttle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * Request throttling settings.
 *
 * @param limits the named limits; the built-in ones ({@link #DEFAULT_LIMITS}) are always there and
 *        may be changed one value at a time, new names need both values
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For}
 *        (and, through Tomcat, {@code -Proto} and {@code -Port}) is believed; none by default, so the
 *        direct peer is the client
 * @param redisTimeout how long one check waits for Redis before it uses an in-process bucket instead
 * @param localMaxKeys how many in-process buckets are kept at most; beyond it the least used are dropped
 * @param redisKeyPrefix what every bucket's Redis key starts with: deployments (and test runs) sharing
 *        one Redis keep their buckets apart by it, as their caches are kept apart by the cache prefix
 */
@ConfigurationProperties("buildnest.platform.throttle")
record ThrottleProperties(
        Map<String, Limit> limits,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("200ms") Duration redisTimeout,
        @DefaultValue("100000") int localMaxKeys,
        @DefaultValue("buildnest:throttle:") String redisKeyPrefix) {

    /** The limits the accounts endpoints rely on, with values that stop guessing but not people. */
    static final Map<String, Limit> DEFAULT_LIMITS = Map.of(
            "login-ip", new Limit(20, Duration.ofMinutes(1)),
            "login-account", new Limit(5, Duration.ofMinutes(1)),
            "register-ip", new Limit(5, Duration.ofMinutes(10)),
            "password-forgot-ip", new Limit(5, Duration.ofMinutes(10)),
            "password-forgot-account", new Limit(3, Duration.ofHours(1)),
            "refresh-ip", new Limit(60, Duration.ofMinutes(1)));

    ThrottleProperties {
        limits = withDefaults(limits == null ? Map.of() : limits);
        trustedProxies = List.copyOf(trustedProxies);
        if (redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("buildnest.platform.throttle.redis-timeout must be positive");
        }
        if (redisKeyPrefix == null || redisKeyPrefix.isBlank()) {
            throw new IllegalArgumentException("buildnest.platform.throttle.redis-key-prefix must not be blank");
        }
        if (localMaxKeys < 1) {
            throw new IllegalArgumentException("buildnest.platform.throttle.local-max-keys must be at least 1");
        }
    }

    private static Map<String, Limit> withDefaults(Map<String, Limit> configured) {
        Map<String, Limit> merged = new TreeMap<>(DEFAULT_LIMITS);
        configured.forEach((name, given) -> {
            Limit fallback = DEFAULT_LIMITS.get(name);
            Limit limit = new Limit(
                    given.capacity() != null ? given.capacity() : fallback != null ? fallback.capacity() : null,
                    given.period() != null ? given.period() : fallback != null ? fallback.period() : null);
            limit.requireComplete(name);
            merged.put(name, limit);
        });
        return new LinkedHashMap<>(merged);
    }

    /**
     * A token bucket: {@code capacity} attempts at once, refilled smoothly at {@code capacity} per
     * {@code period} (20 per minute gives one back every 3 seconds).
     */
    record Limit(Integer capacity, Duration period) {

        void requireComplete(String name) {
            if (capacity == null || capacity < 1) {
                throw new IllegalArgumentException(
                        "buildnest.platform.throttle.limits." + name + ".capacity must be at least 1");
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(
                        "buildnest.platform.throttle.limits." + name + ".period must be positive");
            }
        }

        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        }

        BucketConfiguration bucket() {
            return BucketConfiguration.builder().addLimit(bandwidth()).build();
        }
    }
}
