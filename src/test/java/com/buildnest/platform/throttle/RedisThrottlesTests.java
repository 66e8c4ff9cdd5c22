package com.buildnest.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.buildnest.platform.throttle.ThrottleProperties.Limit;
import com.buildnest.testing.TcpProxy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Limits shared by replicas through Redis, and what a replica does when Redis fails it: it keeps
 * limiting in process, quickly, and without an error. The sharing tests use the real Redis the
 * suite is pointed at (SPRING_DATA_REDIS_URL, as .ci/run sets it) and skip without one; the
 * failure tests need no Redis. Each replica is built directly, as two application instances would
 * build it, and uses keys of its own so that runs sharing one Redis cannot meet.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisThrottlesTests {

    private static final String REDIS_URL = System.getenv("SPRING_DATA_REDIS_URL");
    private static final Duration GENEROUS_TIMEOUT = Duration.ofSeconds(2);
    /** This test run's own keys, apart from other runs sharing the Redis server. */
    private static final String PREFIX = "buildnest-test-" + ProcessHandle.current().pid() + ":throttle:";

    private final List<Throttles> replicas = new ArrayList<>();
    private final List<String> redisKeys = new ArrayList<>();

    @AfterEach
    void closeReplicasAndForgetTheirKeys() {
        replicas.forEach(Throttles::close);
        if (!redisKeys.isEmpty()) {
            redis(commands -> commands.del(redisKeys.toArray(String[]::new)));
        }
    }

    @Test
    void twoReplicasCountAgainstOneLimitThroughRedis() {
        assumeRedis();
        Throttles first = sharing(replica(RedisURI.create(REDIS_URL), GENEROUS_TIMEOUT));
        Throttles second = sharing(replica(RedisURI.create(REDIS_URL), GENEROUS_TIMEOUT));
        String account = "buyer-" + UUID.randomUUID() + "@example.in";

        first.consume("quote-requests", account);
        second.consume("quote-requests", account);
        first.consume("quote-requests", account);

        assertThatThrownBy(() -> second.consume("quote-requests", account)).isInstanceOfSatisfying(Throttled.class,
                refused -> assertThat(refused.retryAfter()).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20)));
        assertThatThrownBy(() -> first.consume("quote-requests", account)).isInstanceOf(Throttled.class);
    }

    @Test
    void redisKeyIsNamespacedHashedAndExpires() {
        assumeRedis();
        Throttles replica = sharing(replica(RedisURI.create(REDIS_URL), GENEROUS_TIMEOUT));
        String account = "buyer-" + UUID.randomUUID() + "@example.in";

        replica.consume("quote-requests", account);

        String key = redisKey("quote-requests", account);
        assertThat(key).matches(java.util.regex.Pattern.quote(PREFIX) + "quote-requests:[0-9a-f]{64}").doesNotContain("example.in");
        redis(commands -> {
            assertThat(commands.exists(key)).isEqualTo(1);
            // Redis forgets the bucket a little after it would have refilled: one hour and ten seconds.
            assertThat(commands.ttl(key)).isBetween(Duration.ofMinutes(20).toSeconds(), 3610L);
            return null;
        });
    }

    @Test
    void replicaWhoseRedisIsUnreachableStillLimitsInProcessAndWarnsOnce(CapturedOutput output) throws IOException {
        Throttles replica = replica(RedisURI.create("redis://127.0.0.1:" + unusedPort()), Duration.ofMillis(200));
        String key = "203.0.113." + (int) (Math.random() * 250);

        long started = System.nanoTime();
        assertThatCode(() -> {
            for (int i = 0; i < 3; i++) {
                replica.consume("quote-requests", key);
            }
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> replica.consume("quote-requests", key)).isInstanceOf(Throttled.class);
        assertThatThrownBy(() -> replica.consume("quote-requests", key)).isInstanceOf(Throttled.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(output.getAll().lines().filter(line -> line.contains("Throttling counts in process"))).hasSize(1);
    }

    @Test
    void replicaWhoseRedisNeverAnswersStillLimitsWithinItsTimeout() throws IOException {
        // The kernel accepts connections to a listening socket that nobody reads: a hung Redis.
        try (ServerSocket hung = new ServerSocket(0)) {
            Throttles replica = replica(RedisURI.create("redis://127.0.0.1:" + hung.getLocalPort()),
                    Duration.ofMillis(200));
            String key = "203.0.113." + (int) (Math.random() * 250);

            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                replica.consume("quote-requests", key);
            }
            assertThatThrownBy(() -> replica.consume("quote-requests", key)).isInstanceOf(Throttled.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void replicaThatLosesRedisKeepsLimitingInProcessAndSharesAgainWhenItReturns() throws IOException {
        assumeRedis();
        RedisURI server = RedisURI.create(REDIS_URL);
        try (TcpProxy link = new TcpProxy(server.getHost(), server.getPort())) {
            RedisURI throughLink = RedisURI.builder(server).withHost("127.0.0.1").withPort(link.port()).build();
            Throttles replica = sharing(replica(throughLink, Duration.ofSeconds(1)));
            String key = "203.0.113." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();

            replica.consume("quote-requests", key);
            long stored = redis(commands -> commands.exists(redisKey("quote-requests", key)));
            assertThat(stored).as("counted in Redis while it answers").isEqualTo(1);

            link.cut();
            for (int i = 0; i < 3; i++) {
                replica.consume("quote-requests", key); // a fresh in-process bucket: this replica's share
            }
            assertThatThrownBy(() -> replica.consume("quote-requests", key)).isInstanceOf(Throttled.class);

            link.restore();
            sharing(replica);
        }
    }

    @Test
    void replicaWhoseRedisTurnsSlowCountsInProcessAfterOneTimeout() throws IOException {
        assumeRedis();
        RedisURI server = RedisURI.create(REDIS_URL);
        try (TcpProxy link = new TcpProxy(server.getHost(), server.getPort())) {
            RedisURI throughLink = RedisURI.builder(server).withHost("127.0.0.1").withPort(link.port()).build();
            Throttles replica = sharing(replica(throughLink, Duration.ofMillis(500)));
            String key = "203.0.113." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
            redisKey("quote-requests", key); // the stalled check may still reach Redis once the link returns

            link.stall();
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                replica.consume("quote-requests", key);
            }
            assertThatThrownBy(() -> replica.consume("quote-requests", key)).isInstanceOf(Throttled.class);

            // One check waited out the timeout; the others did not wait for Redis at all.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(500),
                    Duration.ofMillis(1500));
            link.restore();
        }
    }

    /**
     * The gateway's webhooks come from a few addresses: many requests take from one bucket at the
     * same moment. Every one is counted in Redis (the second replica finds the bucket exactly
     * empty), none waits out the timeout and falls back to counting in process.
     */
    @Test
    void manyRequestsAtOnceOnOneKeyAreAllCountedInRedis(CapturedOutput output) throws Exception {
        assumeRedis();
        int threads = 16;
        int each = 50;
        Map<String, Limit> limits = Map.of("quote-requests", new Limit(3, Duration.ofHours(1)),
                "webhooks", new Limit(threads * each, Duration.ofHours(1)));
        Throttles busy = sharing(replica(RedisURI.create(REDIS_URL), Duration.ofMillis(200), limits));
        Throttles other = sharing(replica(RedisURI.create(REDIS_URL), GENEROUS_TIMEOUT, limits));
        String address = "203.0.113." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
        redisKey("webhooks", address);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> senders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                senders.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        busy.consume("webhooks", address);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : senders) {
                sender.get(30, TimeUnit.SECONDS); // none throttled: the limit is exactly what they send
            }
        } finally {
            pool.shutdownNow();
        }

        assertThatThrownBy(() -> other.consume("webhooks", address)).isInstanceOf(Throttled.class);
        assertThat(output.getAll()).doesNotContain("Throttling counts in process");
    }

    /** Waits until the replica counts in Redis (its connection is made in the background), then returns it. */
    private Throttles sharing(Throttles replica) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            String probe = "probe-" + UUID.randomUUID();
            replica.consume("quote-requests", probe);
            long stored = redis(commands -> commands.exists(redisKey("quote-requests", probe)));
            if (stored == 1) {
                return replica;
            }
            pause();
        }
        throw new AssertionError("the replica did not count in Redis within 15 s");
    }

    private Throttles replica(RedisURI redis, Duration timeout) {
        return replica(redis, timeout, Map.of("quote-requests", new Limit(3, Duration.ofHours(1))));
    }

    private Throttles replica(RedisURI redis, Duration timeout, Map<String, Limit> limits) {
        ThrottleProperties properties = new ThrottleProperties(limits, List.of(), timeout, 1_000, PREFIX);
        Throttles replica = Throttles.inRedis(properties, redis, Duration.ofSeconds(2), Clock.systemUTC());
        replicas.add(replica);
        return replica;
    }

    private String redisKey(String limit, String key) {
        String redisKey = Throttles.bucketKey(PREFIX, limit, key);
        redisKeys.add(redisKey);
        return redisKey;
    }

    private static <T> T redis(Function<RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static void assumeRedis() {
        assumeTrue(REDIS_URL != null && !REDIS_URL.isBlank(),
                "runs where the suite is pointed at Redis (SPRING_DATA_REDIS_URL, as .ci/run does)");
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
