package com.buildnest.platform.throttle;

import java.time.Duration;

/**
 * A limit of {@link Throttles} is used up for the key it was asked about: the caller must wait
 * {@link #retryAfter()} before the next attempt can succeed. The web layer answers it with
 * {@code 429 Too Many Requests}, a {@code Retry-After} header and the problem code
 * {@code request.throttled}.
 */
public final class Throttled extends RuntimeException {

    private final String limit;
    private final transient Duration retryAfter;

    Throttled(String limit, Duration retryAfter) {
        // No stack trace: refusing floods of requests is the normal case and must stay cheap.
        super("Limit '" + limit + "' is used up; retry after " + retryAfter, null, false, false);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** The name of the limit that was exceeded, e.g. {@code login-ip}. */
    public String limit() {
        return limit;
    }

    /** How long until the next attempt can succeed. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} as the whole seconds of a {@code Retry-After} header: rounded up, at least 1. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
