package com.buildnest.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.platform.PlatformProperties;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.OpsScript;

/**
 * Expiry is monitored, not remembered: the application exports each secret's age from the
 * rotation record the scripts write next to it, and its schedule, as Prometheus reads them. A
 * secret rotated a moment ago is seconds old; one rotated 85 days ago is past 90 % of the Redis
 * schedule of 90 days, which is where the alert fires.
 */
@BuildNestTest
class SecretAgeMetricsTests {

    @Autowired
    ApiClient api;

    @Autowired
    PlatformProperties platform;

    @AfterEach
    void removeTheRecords() throws IOException {
        for (String name : new String[] { "buildnest.customer.jwt.secret", "buildnest.rotated-at.jwt",
                "buildnest.rotated-at.redis" }) {
            Files.deleteIfExists(secrets().resolve(name));
        }
    }

    @Test
    void eachSecretReportsItsAgeSinceTheLastRotationBesideItsSchedule() throws Exception {
        Files.createDirectories(secrets());
        OpsScript.run("secrets/rotate-jwt-secret.sh", "--secrets-dir", secrets().toString());
        Files.writeString(secrets().resolve("buildnest.rotated-at.redis"),
                Instant.now().minus(Duration.ofDays(85)).toString());

        String metrics = api.get("/actuator/prometheus").body();

        assertThat(value(metrics, "buildnest_secret_age_seconds", "jwt")).isBetween(0.0, 60.0);
        assertThat(value(metrics, "buildnest_secret_max_age_seconds", "jwt")).isEqualTo(90 * 86400.0);
        double redisAge = value(metrics, "buildnest_secret_age_seconds", "redis");
        double redisSchedule = value(metrics, "buildnest_secret_max_age_seconds", "redis");
        assertThat(redisAge).isCloseTo(85 * 86400.0, within(60.0));
        assertThat(redisAge > 0.9 * redisSchedule).as("the alert expression fires").isTrue();
        assertThat(value(metrics, "buildnest_secret_max_age_seconds", "database")).isEqualTo(180 * 86400.0);
        assertThat(value(metrics, "buildnest_secret_max_age_seconds", "razorpay")).isEqualTo(90 * 86400.0);
        assertThat(value(metrics, "buildnest_secret_age_seconds", "database")).as("no record, no file").isNaN();
    }

    private static double value(String metrics, String name, String secret) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*secret=\"" + secret + "\"[^}]*\\} (\\S+)$")
                .matcher(metrics);
        assertThat(line.find()).as(name + " for " + secret).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private Path secrets() {
        return platform.secrets().dir();
    }
}
