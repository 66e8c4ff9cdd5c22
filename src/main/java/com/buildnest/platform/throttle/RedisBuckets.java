package com.buildnest.platform.throttle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.buildnest.platform.throttle.ThrottleProperties.Limit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Token buckets in Redis, shared by every replica. Each check waits at most the configured timeout
 * for Redis; when Redis is down, slow or not yet connected the check returns nothing and the caller
 * counts in process instead. The connection is made in the background and retried after a pause,
 * and after a failed check Redis is left alone for that pause too, so a Redis outage never delays
 * start-up and a slow Redis costs one request in a few seconds one timeout, not every request.
 * <p>
 * Requests that meet the same bucket at the same moment (the gateway's webhooks all come from a
 * few addresses) share one bucket object, which sends their checks to Redis as one batch: each
 * check alone would be a compare-and-swap racing the others on the same key, retried until one of
 * them timed out and sent the whole replica to count in process.
 */
final class RedisBuckets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    /** After Redis failed, checks count in process this long before one tries Redis again. */
    private static final long PAUSE_AFTER_FAILURE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
    /** Keeps a full bucket a little longer than it takes to refill, then Redis forgets it. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final TimeMeter time;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
    private final Object lock = new Object();
    private CompletableFuture<LettuceBasedProxyManager<String>> connecting; // guarded by lock
    private long waitForConnectionUntil; // guarded by lock, System.nanoTime()
    private long nextAttemptAt; // guarded by lock, System.nanoTime()
    private volatile LettuceBasedProxyManager<String> proxies;
    /** The buckets in use lately, per key, for {@link #proxies}; emptied when the connection is replaced. */
    private final Cache<String, BucketProxy> recentBuckets = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(1))
            .build();
    private volatile long skipRedisUntil = System.nanoTime(); // System.nanoTime()
    private volatile boolean closed;

    RedisBuckets(RedisURI uri, Duration timeout, Duration connectTimeout, TimeMeter time) {
        // The connection's own handshake may take the connect timeout (a cold start is slow);
        // each check is held to the short timeout by the command timeout below.
        this.uri = RedisURI.builder(uri).withTimeout(connectTimeout).build();
        this.timeout = timeout;
        this.time = time;
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While the connection is down, fail at once (and count in process) instead of queueing.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        synchronized (lock) {
            startConnecting();
        }
    }

    /** The outcome of taking one token from the bucket at {@code key}, or nothing if Redis could not say in time. */
    Optional<ConsumptionProbe> tryConsume(String key, Limit limit) {
        if (System.nanoTime() - skipRedisUntil < 0) {
            return Optional.empty(); // a slow Redis costs one timeout per pause, not one per request
        }
        LettuceBasedProxyManager<String> buckets = proxies();
        if (buckets == null) {
            return Optional.empty();
        }
        try {
            BucketProxy bucket = recentBuckets.get(key, unused -> buckets.builder()
                    .withOptimization(Optimizations.batching())
                    .build(key, limit::bucket));
            return Optional.of(bucket.tryConsumeAndReturnRemaining(1));
        } catch (RuntimeException failure) {
            skipRedisUntil = System.nanoTime() + PAUSE_AFTER_FAILURE_NANOS;
            warn(failure.toString());
            return Optional.empty();
        }
    }

    private LettuceBasedProxyManager<String> proxies() {
        LettuceBasedProxyManager<String> ready = proxies;
        if (ready != null) {
            return ready;
        }
        CompletableFuture<LettuceBasedProxyManager<String>> attempt;
        long waitUntil;
        synchronized (lock) {
            if (proxies != null || closed) {
                return proxies;
            }
            if (connecting == null) {
                if (System.nanoTime() - nextAttemptAt < 0) {
                    return null;
                }
                startConnecting();
            }
            attempt = connecting;
            waitUntil = waitForConnectionUntil;
        }
        try {
            return attempt.get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillConnecting) {
            warn("still connecting");
            return null;
        } catch (ExecutionException failed) {
            synchronized (lock) {
                if (connecting == attempt) {
                    connecting = null;
                    nextAttemptAt = System.nanoTime() + PAUSE_AFTER_FAILURE_NANOS;
                }
            }
            warn(failed.getCause().toString());
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Connects in the background; requests wait for it at most one timeout after it started. */
    private void startConnecting() {
        waitForConnectionUntil = System.nanoTime() + timeout.toNanos();
        connecting = client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
                .toCompletableFuture()
                .thenApply(this::connected);
    }

    private LettuceBasedProxyManager<String> connected(StatefulRedisConnection<String, byte[]> connection) {
        LettuceBasedProxyManager<String> ready = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .clientClock(time)
                .requestTimeout(timeout)
                .build();
        recentBuckets.invalidateAll();
        proxies = ready;
        return ready;
    }

    private void warn(String failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Throttling counts in process: Redis at {}:{} did not answer ({}). Limits count per replica "
                    + "until it does; this warning repeats at most once a minute.", uri.getHost(), uri.getPort(),
                    failure);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            proxies = null;
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
