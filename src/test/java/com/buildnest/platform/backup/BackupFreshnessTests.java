package com.buildnest.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.OpsScript;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The alertable freshness of backups: what ops/backup/ records in ops_backup_status is what Prometheus
 * scrapes as buildnest_backup_last_success_seconds{kind}, read from the table at most every 30 s.
 */
@BuildNestTest
class BackupFreshnessTests {

    private static final LocalDateTime NIGHTLY = LocalDateTime.of(2026, 11, 25, 2, 0, 0);
    private static final LocalDateTime NEXT_NIGHT = NIGHTLY.plusDays(1);

    @Autowired
    BackupFreshness freshness;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiClient api;

    @Autowired
    Environment environment;

    @BeforeEach
    @AfterEach
    void forgetEveryBackup() {
        jdbc.update("DELETE FROM ops_backup_status");
        freshness.refresh();
    }

    @Test
    void prometheusShowsTheRecordedTimeOfEachKindAndZeroForAKindNeverRecorded() {
        record("full", NIGHTLY);
        freshness.refresh();

        String scraped = api.get("/actuator/prometheus").body();

        assertThat(scraped).contains("# TYPE buildnest_backup_last_success_seconds gauge");
        assertThat(scrapedValue(scraped, "full")).isEqualTo(NIGHTLY.toEpochSecond(ZoneOffset.UTC));
        assertThat(scrapedValue(scraped, "binlog")).as("never archived reads as infinitely old").isZero();
    }

    @Test
    void theTableIsReadAtMostOnceInThirtySecondsHoweverOftenItIsScraped() {
        record("binlog", NIGHTLY);
        freshness.refresh();
        assertThat(gauge("binlog")).isEqualTo(NIGHTLY.toEpochSecond(ZoneOffset.UTC));

        jdbc.update("UPDATE ops_backup_status SET last_success_at = ? WHERE kind = 'binlog'", NEXT_NIGHT);

        assertThat(gauge("binlog")).as("still the value read less than 30 s ago")
                .isEqualTo(NIGHTLY.toEpochSecond(ZoneOffset.UTC));
        freshness.refresh(); // what the next scrape after 30 s does
        assertThat(gauge("binlog")).isEqualTo(NEXT_NIGHT.toEpochSecond(ZoneOffset.UTC));
    }

    @Test
    void aFullBackupOfTheApplicationsDatabaseMovesItsGaugeToTheTimeOfTheBackup(@TempDir Path target)
            throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        assumeThat(url).as("runs where the suite is pointed at MariaDB (as .ci/run does)").startsWith("jdbc:mariadb://");
        Matcher server = Pattern.compile("jdbc:mariadb://([^:/]+):(\\d+)/(\\w+).*").matcher(url);
        assertThat(server.matches()).isTrue();
        Path passwordFile = Files.writeString(target.resolve("password"),
                environment.getProperty("spring.datasource.password", ""));
        long before = Instant.now().getEpochSecond() - 1;

        OpsScript.run("backup/full-backup.sh", "--database", server.group(3), "--host", server.group(1),
                "--port", server.group(2), "--user", environment.getProperty("spring.datasource.username", "root"),
                "--password-file", passwordFile.toString(), "--target", "dir:" + target.resolve("backups"),
                "--no-prune");
        freshness.refresh();

        assertThat(gauge("full")).isBetween((double) before, (double) Instant.now().getEpochSecond() + 1);
        assertThat(gauge("binlog")).isZero();
    }

    private void record(String kind, LocalDateTime at) {
        jdbc.update("INSERT INTO ops_backup_status (kind, last_success_at, detail) VALUES (?, ?, ?)", kind, at,
                "recorded by the test");
    }

    private double gauge(String kind) {
        return meters.get("buildnest.backup.last.success").tag("kind", kind).gauge().value();
    }

    private static double scrapedValue(String scraped, String kind) {
        Matcher line = Pattern.compile("(?m)^buildnest_backup_last_success_seconds\\{[^}]*kind=\"" + kind
                + "\"[^}]*\\} (\\S+)$").matcher(scraped);
        assertThat(line.find()).as("a sample for kind=" + kind).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
