package com.buildnest.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Customers waiting for money the shop owes them: the gauges {@code buildnest.refunds.owed.orders}
 * (orders owing a refund) and {@code buildnest.refunds.owed.oldest.age} (seconds since the longest
 * waiting of them last changed, 0 when none waits). {@link Refunds} pays owed refunds within a
 * minute, so an age of an hour means the gateway refuses them or cannot be reached, and a person
 * must look (the alert BuildNestRefundsOwedTooLong). Read with one indexed query at most once per
 * {@link #REFRESH}, however often Prometheus scrapes; if the database cannot be read, the last values stay.
 */
@Component
class OwedRefundsGauge implements MeterBinder {

    static final String ORDERS = "buildnest.refunds.owed.orders";
    static final String OLDEST_AGE = "buildnest.refunds.owed.oldest.age";
    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OwedRefundsGauge.class);

    /** What one read found: how many orders owe, and since when the longest-waiting one has (null: none). */
    private record Owing(long orders, Instant oldestSince) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Owing owing = new Owing(0, null);
    private volatile Instant readAt;

    OwedRefundsGauge(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(ORDERS, this, gauge -> gauge.owing().orders())
                .description("Orders owing the customer a refund the gateway has not yet taken")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, OwedRefundsGauge::oldestAgeSeconds)
                .baseUnit("seconds")
                .description("How long the longest-waiting owed refund has waited (0: none owed)")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        Instant since = owing().oldestSince();
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private Owing owing() {
        Instant last = readAt;
        if (last == null || !clock.instant().isBefore(last.plus(REFRESH))) {
            refresh();
        }
        return owing;
    }

    /** Reads the orders now (the gauges call it once per {@link #REFRESH}). */
    synchronized void refresh() {
        readAt = clock.instant();
        try {
            owing = jdbc.sql("SELECT COUNT(*), MIN(updated_at) FROM ordering_order WHERE refund_owed_paise > 0")
                    .query((row, number) -> {
                        // written in UTC (hibernate.jdbc.time_zone), read back as such
                        LocalDateTime since = row.getObject(2, LocalDateTime.class);
                        return new Owing(row.getLong(1), since == null ? null : since.toInstant(ZoneOffset.UTC));
                    })
                    .single();
        } catch (DataAccessException e) {
            log.warn("Could not count the refunds owed; their gauges keep their last values: {}", e.getMessage());
        }
    }
}
