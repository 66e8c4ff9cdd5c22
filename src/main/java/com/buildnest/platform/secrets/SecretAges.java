package com.buildnest.platform.secrets;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.buildnest.platform.PlatformProperties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Each rotated secret's age since its rotation record, and its schedule, as gauges: Prometheus
 * reads them as {@code buildnest_secret_age_seconds{secret="database"}} and
 * {@code buildnest_secret_max_age_seconds{secret="database"}}, so that an alert fires at
 * {@code age > 0.9 * max_age}, before the schedule runs out. A secret with neither a record nor a
 * file reports NaN (alert on that too: the secret is not where the application reads it).
 */
final class SecretAges implements MeterBinder {

    static final String AGE = "buildnest.secret.age";
    static final String MAX_AGE = "buildnest.secret.max.age";

    private final MountedSecrets secrets;
    private final Map<RotatedSecret, Duration> schedule;
    private final Clock clock;

    SecretAges(MountedSecrets secrets, PlatformProperties.MaxAge maxAge, Clock clock) {
        this.secrets = secrets;
        this.schedule = Map.of(RotatedSecret.JWT, maxAge.jwt(), RotatedSecret.DATABASE, maxAge.database(),
                RotatedSecret.REDIS, maxAge.redis(), RotatedSecret.RAZORPAY, maxAge.razorpay());
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RotatedSecret secret : RotatedSecret.values()) {
            Gauge.builder(AGE, () -> ageSeconds(secret)).baseUnit("seconds").tag("secret", secret.tag())
                    .description("Time since the secret was last rotated (its rotation record)").register(registry);
            Gauge.builder(MAX_AGE, () -> schedule.get(secret).toSeconds()).baseUnit("seconds")
                    .tag("secret", secret.tag()).description("The secret's rotation schedule").register(registry);
        }
    }

    double ageSeconds(RotatedSecret secret) {
        return secrets.rotatedAt(secret)
                .map(rotated -> Duration.between(rotated, clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }
}
