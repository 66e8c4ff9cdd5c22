package com.buildnest.platform.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.buildnest.platform.throttle.ThrottleProperties.Limit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisURI;

/**
 * Rate limits by name. Each limit ({@code login-ip}, {@code login-account}, ...) is a token bucket
 * per key, configured under {@code buildnest.platform.throttle.limits}; a caller takes one token
 * per attempt and is refused with {@link Throttled} when the bucket is empty:
 *
 * <pre>{@code
 * throttles.consume("login-ip", clientAddress.throttleKey(request));
 * throttles.consume("login-account", email.toLowerCase(Locale.ROOT));
 * }</pre>
 *
 * Keys are hashed before they are stored, so e-mail addresses and client addresses never appear
 * in Redis or in memory dumps as they are; normalise a key (lower-case an e-mail) before passing
 * it. With Redis configured every replica counts against one bucket; when Redis fails a check
 * counts in process instead, so a limit is never lifted and a check never fails with an error.
 * With Redis a check is a network call: make it before a database transaction opens.
 */
public final class Throttles {

    private final String keyPrefix;

    private final Map<String, Limit> limits;
    private final LocalBuckets local;
    private final RedisBuckets shared;

    private Throttles(ThrottleProperties properties, LocalBuckets local, RedisBuckets shared) {
        this.limits = Map.copyOf(properties.limits());
        this.keyPrefix = properties.redisKeyPrefix();
        this.local = local;
        this.shared = shared;
    }

    /** Buckets in this process only: the embedded default without Redis. */
    static Throttles inProcess(ThrottleProperties properties, Clock clock) {
        return new Throttles(properties, new LocalBuckets(properties.localMaxKeys(), timeOf(clock)), null);
    }

    /** Buckets in Redis, with in-process buckets for when Redis fails or is slow. */
    static Throttles inRedis(ThrottleProperties properties, RedisURI redis, Duration connectTimeout, Clock clock) {
        TimeMeter time = timeOf(clock);
        return new Throttles(properties, new LocalBuckets(properties.localMaxKeys(), time),
                new RedisBuckets(redis, properties.redisTimeout(), connectTimeout, time));
    }

    /**
     * Takes one attempt from the bucket of {@code key} under the limit {@code limitName}.
     *
     * @throws Throttled when the bucket is empty, with the time until the next attempt can succeed
     * @throws IllegalArgumentException when no limit has that name: a programming error
     */
    public void consume(String limitName, String key) {
        Limit limit = limits.get(limitName);
        if (limit == null) {
            throw new IllegalArgumentException("No throttle limit is named '" + limitName + "'; the limits are "
                    + new TreeSet<>(limits.keySet()) + " (buildnest.platform.throttle.limits)");
        }
        String bucketKey = bucketKey(keyPrefix, limitName, key);
        ConsumptionProbe probe = shared == null ? local.tryConsume(bucketKey, limit)
                : shared.tryConsume(bucketKey, limit).orElseGet(() -> local.tryConsume(bucketKey, limit));
        if (!probe.isConsumed()) {
            throw new Throttled(limitName, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Closes the Redis connection, if there is one. */
    void close() {
        if (shared != null) {
            shared.close();
        }
    }

    /** The bucket's key: the prefix, the limit's name and a digest of the key (never the address itself). */
    static String bucketKey(String prefix, String limitName, String key) {
        return prefix + limitName + ":" + sha256(Objects.requireNonNull(key, "key"));
    }

    static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** Bucket4j's view of the platform clock: wall-clock time, which replicas sharing Redis agree on. */
    private static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
