package com.buildnest.platform;

import java.time.Clock;

import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Configuration;

/**
 * Turns on {@code @Cacheable} (Caffeine in the embedded default, Redis under {@code services} and
 * {@code prod}, as {@code spring.cache.type} says) with an error handler that treats an unreachable
 * cache as a miss: reads go on to the database instead of failing.
 */
@Configuration
@EnableCaching
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
