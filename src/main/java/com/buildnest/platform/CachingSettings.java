package com.buildnest.platform;

import java.time.Clock;

import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Turns on {@code @Cacheable} (Caffeine in the embedded default, Redis under {@code services} and
 * {@code prod}, as {@code spring.cache.type} says) with an error handler that treats an unreachable
 * cache as a miss: reads go on to the database instead of failing.
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
}
