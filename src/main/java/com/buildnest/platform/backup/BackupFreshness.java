package com.buildnest.platform.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauge {@code buildnest.backup.last.success} (Prometheus: {@code buildnest_backup_last_success_seconds}),
 * tagged {@code kind} = {@code full} | {@code binlog}: the Unix time in seconds of the last success that
 * {@code ops/backup/full-backup.sh} or {@code ops/backup/binlog-archive.sh} recorded in
 * {@code ops_backup_status}. A kind never recorded reads 0, so an alert on
 * {@code time() - buildnest_backup_last_success_seconds > threshold} fires for a backup that never ran as
 * well as for one that stopped. The table is read at most once per {@link #REFRESH}, however often
 * Prometheus scrapes; if the database cannot be read, the last values stay (and age, as they should).
 */
@Component
class BackupFreshness implements MeterBinder {

    static final String METER = "buildnest.backup.last.success";
    static final Duration REFRESH = Duration.ofSeconds(30);
    static final List<String> KINDS = List.of("full", "binlog");

    private static final Logger log = LoggerFactory.getLogger(BackupFreshness.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Map<String, Double> lastSuccess = Map.of();
    private volatile Instant readAt;

    BackupFreshness(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String kind : KINDS) {
            Gauge.builder(METER, this, freshness -> freshness.lastSuccessOf(kind))
                    .baseUnit("seconds")
                    .tag("kind", kind)
                    .description("Unix time of the last successful backup of this kind (0: never)")
                    .register(registry);
        }
    }

    double lastSuccessOf(String kind) {
        Instant now = clock.instant();
        Instant last = readAt;
        if (last == null || !now.isBefore(last.plus(REFRESH))) {
            refresh();
        }
        return lastSuccess.getOrDefault(kind, 0.0);
    }

    /** Reads the table now (the gauge calls it once per {@link #REFRESH}). */
    synchronized void refresh() {
        readAt = clock.instant();
        try {
            Map<String, Double> read = new HashMap<>();
            jdbc.query("SELECT kind, last_success_at FROM ops_backup_status", row -> {
                LocalDateTime at = row.getObject("last_success_at", LocalDateTime.class);
                Instant instant = at.toInstant(ZoneOffset.UTC);
                read.put(row.getString("kind"), instant.getEpochSecond() + instant.getNano() / 1e9);
            });
            lastSuccess = Map.copyOf(read);
        } catch (DataAccessException e) {
            log.warn("Could not read ops_backup_status; the backup gauges keep their last values: {}",
                    e.getMessage());
        }
    }
}
