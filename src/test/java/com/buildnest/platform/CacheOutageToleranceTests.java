package com.buildnest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.cache.annotation.AnnotationCacheOperationSource;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.interceptor.CacheInterceptor;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import com.buildnest.testing.MovableClock;
import com.buildnest.testing.TcpProxy;

import io.lettuce.core.ClientOptions;

/**
 * Catalogue reads keep working when the cache's Redis is down: the configured error handler turns
 * each failed cache call into a miss, so the call reaches the method (the database) and answers, and
 * the outage is logged at most once a minute. Built without a Spring context: the real handler from
 * {@link CachingSettings}, Spring's cache interceptor, and a Redis cache manager aimed at a closed port
 * or at the real Redis through a proxy that is cut.
 */
class CacheOutageToleranceTests {

    /** A reader whose answers are cached, counting how often it really reads. */
    static class Shelf {
        final AtomicInteger reads = new AtomicInteger();

        @Cacheable(cacheNames = "catalog.products", key = "#id")
        public String product(long id) {
            reads.incrementAndGet();
            return "product " + id;
        }
    }

    @Test
    void readsAnswerFromTheDatabaseWhileRedisIsUnreachable() throws IOException {
        LettuceConnectionFactory unreachable = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort()),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        unreachable.afterPropertiesSet();
        try {
            Shelf shelf = new Shelf();
            Shelf cached = cachedThrough(RedisCacheManager.create(unreachable), shelf);

            assertThat(cached.product(7)).isEqualTo("product 7");
            assertThat(cached.product(7)).isEqualTo("product 7");
            assertThat(shelf.reads).hasValue(2); // every read went through to the "database"
        } finally {
            unreachable.destroy();
        }
    }

    /**
     * Found by the fault drill (docs/reliability.md, Faults): Redis stopping under an open connection
     * held every cached read until the connection returned or the command timeout ran out. With the
     * shop's client options, a read while the connection is down is refused at once and answered from
     * the "database"; here well within the 20 s command timeout the connection is given.
     */
    @Test
    void readsDoNotWaitForARedisThatWentAwayUnderAnOpenConnection() throws IOException {
        ClientOptions.Builder options = ClientOptions.builder();
        new CachingSettings(Clock.systemUTC()).cacheCommandsFailFastWhileRedisIsDown().customize(options);
        try (TcpProxy redis = new TcpProxy("127.0.0.1", 6379)) {
            LettuceConnectionFactory connections = new LettuceConnectionFactory(
                    new RedisStandaloneConfiguration("127.0.0.1", redis.port()), LettuceClientConfiguration.builder()
                            .clientOptions(options.build()).commandTimeout(Duration.ofSeconds(20)).build());
            connections.afterPropertiesSet();
            connections.start();
            try {
                Shelf shelf = new Shelf();
                Shelf cached = cachedThrough(RedisCacheManager.builder(connections).cacheDefaults(
                        RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(1))
                                .prefixCacheNameWith("cache-outage-" + UUID.randomUUID() + ":")).build(), shelf);
                // Served from Redis while it is up. A read right after the first write through the proxy
                // is sometimes refused as "not connected" (seen in CI and by hand on this machine; the
                // cause in Lettuce or the proxy is not found yet): the handler makes it a miss, so the
                // test asks until Redis answers, and what it proves is what happens after the cut.
                int readsBefore = -1;
                for (int attempt = 0; attempt < 20 && shelf.reads.get() != readsBefore; attempt++) {
                    readsBefore = shelf.reads.get();
                    cached.product(7);
                }
                assertThat(shelf.reads.get()).as("served from Redis while it is up").isEqualTo(readsBefore);

                redis.cut();
                long started = System.nanoTime();
                assertThat(cached.product(7)).isEqualTo("product 7");

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
                assertThat(shelf.reads).hasValue(readsBefore + 1);
            } finally {
                connections.destroy();
            }
        }
    }

    @Test
    void aWorkingCacheStillServesRepeatedReadsWithTheSameHandler() {
        Shelf shelf = new Shelf();
        org.springframework.cache.support.SimpleCacheManager caches = new org.springframework.cache.support.SimpleCacheManager();
        caches.setCaches(java.util.List.of(new ConcurrentMapCache("catalog.products")));
        caches.afterPropertiesSet();
        Shelf cached = cachedThrough(caches, shelf);

        cached.product(7);
        cached.product(7);

        assertThat(shelf.reads).hasValue(1);
    }

    @Test
    void anOutageIsLoggedAtMostOnceAMinute() {
        MovableClock clock = new MovableClock();
        CacheOutageTolerance tolerance = (CacheOutageTolerance) new CachingSettings(clock).errorHandler();
        ConcurrentMapCache cache = new ConcurrentMapCache("catalog.products");
        RuntimeException down = new IllegalStateException("Unable to connect to Redis");

        assertThat(tolerance.tolerate("read", down, cache)).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(tolerance.tolerate("read", down, cache)).isFalse();
        assertThat(tolerance.tolerate("write", down, cache)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tolerance.tolerate("read", down, cache)).isTrue();
        assertThat(tolerance.tolerate("read", down, cache)).isFalse();
    }

    private static Shelf cachedThrough(org.springframework.cache.CacheManager caches, Shelf target) {
        CacheInterceptor interceptor = new CacheInterceptor();
        interceptor.setCacheManager(caches);
        interceptor.setCacheOperationSource(new AnnotationCacheOperationSource());
        interceptor.setErrorHandler(new CachingSettings(Clock.systemUTC()).errorHandler());
        interceptor.afterPropertiesSet();
        interceptor.afterSingletonsInstantiated();
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(interceptor);
        return (Shelf) proxy.getProxy();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
