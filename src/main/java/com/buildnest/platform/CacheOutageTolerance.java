package com.buildnest.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * A cache that fails (Redis down, timing out) is ignored: a failed get counts as a miss so the
 * call goes through to the database, a failed put or evict is dropped (entries expire with their
 * time to live). The outage is logged at most once a {@link #LOG_EVERY}, so a down Redis does not
 * flood the log at the rate of reads.
 */
class CacheOutageTolerance implements CacheErrorHandler {

    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(CacheOutageTolerance.class);

    private final Clock clock;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.MIN);

    CacheOutageTolerance(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void handleCacheGetError(RuntimeException failure, Cache cache, Object key) {
        tolerate("read", failure, cache);
    }

    @Override
    public void handleCachePutError(RuntimeException failure, Cache cache, Object key, Object value) {
        tolerate("write", failure, cache);
    }

    @Override
    public void handleCacheEvictError(RuntimeException failure, Cache cache, Object key) {
        tolerate("evict from", failure, cache);
    }

    @Override
    public void handleCacheClearError(RuntimeException failure, Cache cache) {
        tolerate("clear", failure, cache);
    }

    /** Whether this failure was logged (false while within a minute of the last one logged). */
    boolean tolerate(String action, RuntimeException failure, Cache cache) {
        Instant now = clock.instant();
        Instant last = lastLogged.get();
        if (last.plus(LOG_EVERY).isAfter(now) || !lastLogged.compareAndSet(last, now)) {
            return false;
        }
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        log.warn("Cache {} unavailable (could not {} it), serving from the database: {}{}", cache.getName(), action,
                failure, cause == failure ? "" : " (" + cause + ")");
        return true;
    }
}
