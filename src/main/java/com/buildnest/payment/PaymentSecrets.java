package com.buildnest.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.buildnest.platform.PlatformProperties;
import com.buildnest.platform.secrets.MountedSecrets;
import com.buildnest.platform.secrets.RotatedSecret;
import com.buildnest.platform.secrets.SecretReloaded;

/**
 * Re-reads the gateway's secrets from the mounted files every
 * {@code buildnest.platform.secrets.reload-interval} — {@code buildnest.payment.razorpay.key-id},
 * {@code .key-secret} and {@code .webhook-secret} (or the simulated gateway's
 * {@code buildnest.payment.simulated.key-secret} and {@code .webhook-secret}) — and hands changed
 * ones to the gateway: API calls use the new key at once, and signatures made with the replaced
 * secrets are still accepted for {@code buildnest.platform.secrets.rotation-grace}.
 */
@Component
class PaymentSecrets {

    private static final Logger log = LoggerFactory.getLogger(PaymentSecrets.class);

    /** How long the files must stay unchanged before a change is taken. */
    private static final Duration SETTLE = Duration.ofMillis(200);

    /** One reading of the three values; the key id is null for the simulated gateway. */
    private record Reading(String keyId, String keySecret, String webhookSecret) {
        @Override
        public String toString() {
            return "Reading[" + keyId + "]"; // never the secrets
        }
    }

    private final PaymentGateway gateway;
    private final MountedSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration grace;
    private final String prefix;
    private Reading applied;

    PaymentSecrets(PaymentGateway gateway, PaymentProperties properties, PlatformProperties platform,
            MountedSecrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.gateway = gateway;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
        this.grace = platform.secrets().rotationGrace();
        boolean razorpay = gateway.name() == PaymentProperties.Gateway.RAZORPAY;
        this.prefix = razorpay ? "buildnest.payment.razorpay." : "buildnest.payment.simulated.";
        this.applied = razorpay
                ? new Reading(properties.razorpay().keyId(), properties.razorpay().keySecret(),
                        properties.razorpay().webhookSecret())
                : new Reading(null, properties.simulated().keySecret(), properties.simulated().webhookSecret());
    }

    @Scheduled(fixedDelayString = "${buildnest.platform.secrets.reload-interval:30s}",
            initialDelayString = "${buildnest.platform.secrets.reload-interval:30s}")
    void keepInStep() {
        try {
            reload();
        } catch (RuntimeException failure) {
            log.warn("Could not check the payment gateway's secret files: {}", failure.getMessage());
        }
    }

    /** @return whether the gateway took new secrets */
    synchronized boolean reload() {
        if (!secrets.mounted()) {
            return false;
        }
        Reading latest = read();
        if (latest.equals(applied)) {
            return false;
        }
        latest = settled(latest);
        if (latest == null || latest.equals(applied)) {
            return false;
        }
        if (blank(latest.keySecret()) || blank(latest.webhookSecret())) {
            log.warn("Payment secret files changed but {}key-secret or webhook-secret is missing or empty; "
                    + "keeping the current secrets", prefix);
            return false;
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(latest.keyId(), applied.keyId())) {
            changed.add("key-id " + applied.keyId() + " -> " + latest.keyId());
        }
        if (!Objects.equals(latest.keySecret(), applied.keySecret())) {
            changed.add("key-secret");
        }
        if (!Objects.equals(latest.webhookSecret(), applied.webhookSecret())) {
            changed.add("webhook-secret");
        }
        gateway.rotate(latest.keyId(), latest.keySecret(), latest.webhookSecret(), grace, clock);
        applied = latest;
        String detail = gateway.name().name().toLowerCase(Locale.ROOT) + " " + String.join(", ", changed)
                + " (replaced secrets accepted for " + grace + ")";
        log.info("Payment gateway secrets rotated: {}", detail);
        events.publishEvent(new SecretReloaded(RotatedSecret.RAZORPAY.tag(), detail, clock.instant()));
        return true;
    }

    private Reading read() {
        return new Reading(
                applied.keyId() == null ? null : secrets.read(prefix + "key-id").orElse(applied.keyId()),
                secrets.read(prefix + "key-secret").orElse(applied.keySecret()),
                secrets.read(prefix + "webhook-secret").orElse(applied.webhookSecret()));
    }

    /**
     * The files are written one after the other (the rotation script writes three), so a change is
     * taken only once a second reading, {@link #SETTLE} later, finds the same values: a key id
     * paired with the key secret it replaces would have every API call refused.
     *
     * @return the settled reading, or null when the files are still changing (tried at the next round)
     */
    private Reading settled(Reading changed) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Thread.sleep(SETTLE.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
            Reading again = read();
            if (again.equals(changed)) {
                return changed;
            }
            changed = again;
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
