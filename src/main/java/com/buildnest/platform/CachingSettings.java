package com.buildnest.platform;

import java.time.Clock;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.lettuce.core.ClientOptions;

/**
 * Turns on {@code @Cacheable} (Caffeine in the embedded default, Redis under {@code services} and
 * {@code prod}, as {@code spring.cache.type} says) with an error handler that treats an unreachable
 * cache as a miss: reads go on to the database instead of failing. While the connection to Redis is
 * down, cache commands fail at once instead of waiting for it to return.
 */
@Configuration
// Outside the transaction advice: a cache hit opens no transaction, and no cache call runs inside one.
@EnableCaching(order = Ordered.LOWEST_PRECEDENCE - 1)
class CachingSettings implements CachingConfigurer {

    private final Clock clock;

    CachingSettings(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CacheErrorHandler errorHandler() {
        return new CacheOutageTolerance(clock);
    }

    /**
     * While the cache's connection to Redis is down, Lettuce would queue every command until the
     * connection is back or {@code spring.data.redis.timeout} runs out, holding each request that
     * reads a cached value (the fault drill saw product pages hang for 15 s when Redis stopped).
     * Refused at once instead, the command becomes a miss in {@link CacheOutageTolerance}, and the
     * request goes on to the database.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer cacheCommandsFailFastWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
