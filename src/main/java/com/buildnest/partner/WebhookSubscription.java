package com.buildnest.partner;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

/**
 * A partner's subscription: where its webhooks go, which events it wants, the secret they are
 * signed with, and whether it still receives them. The secret is generated here (256 random bits)
 * and stored as it is, because every delivery is signed with it: whoever reads this table can sign
 * as BuildNest (docs/partner-webhooks.md). Failure counting and automatic disabling are atomic
 * updates in {@link WebhookSubscriptionRepository}, since the sender and an administrator may act
 * at once; they raise {@link #version} so that an administrator's stale change is refused.
 */
@Entity
@Table(name = "partner_subscription")
@DynamicUpdate
class WebhookSubscription {

    static final int MAX_NAME = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, length = TargetGuard.MAX_URL_LENGTH)
    private String url;

    @Column(name = "event_types", nullable = false, length = 500)
    private String eventTypes;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "disabled_reason", length = 200)
    private String disabledReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WebhookSubscription() {
    }

    WebhookSubscription(String name, String url, Set<WebhookEventType> types, Instant now) {
        this.name = name;
        this.url = url;
        this.eventTypes = codes(types);
        this.secret = newSecret();
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A fresh signing secret: {@code whsec_} and 256 random bits, URL-safe Base64. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Changes name, target and events; says what changed, never the secret. */
    String change(String newName, String newUrl, Set<WebhookEventType> types, Instant now) {
        List<String> changes = new ArrayList<>();
        if (!name.equals(newName)) {
            changes.add("name: " + name + " → " + newName);
        }
        if (!url.equals(newUrl)) {
            changes.add("url: " + url + " → " + newUrl);
        }
        String newTypes = codes(types);
        if (!eventTypes.equals(newTypes)) {
            changes.add("events: " + eventTypes + " → " + newTypes);
        }
        this.name = newName;
        this.url = newUrl;
        this.eventTypes = newTypes;
        this.updatedAt = now;
        return String.join("; ", changes);
    }

    /** Receives webhooks again, with a clean failure count; false when it already did. */
    boolean enable(Instant now) {
        if (enabled) {
            return false;
        }
        enabled = true;
        consecutiveFailures = 0;
        disabledAt = null;
        disabledReason = null;
        updatedAt = now;
        return true;
    }

    /** Stops receiving webhooks (what is pending waits); false when it already had. */
    boolean disable(String reason, Instant now) {
        if (!enabled) {
            return false;
        }
        enabled = false;
        disabledAt = now;
        disabledReason = reason;
        updatedAt = now;
        return true;
    }

    /**
     * Replaces the secret; the old one still signs (as a second {@code v1}) until
     * {@code now + overlap}, so a partner can switch over without rejecting a delivery.
     */
    String rotateSecret(Duration overlap, Instant now) {
        previousSecret = overlap.isZero() ? null : secret;
        previousSecretUntil = overlap.isZero() ? null : now.plus(overlap);
        secret = newSecret();
        updatedAt = now;
        return secret;
    }

    /** The secrets a delivery sent at {@code now} is signed with: the current one first. */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    boolean wants(WebhookEventType type) {
        return type == WebhookEventType.PING || types().contains(type);
    }

    Set<WebhookEventType> types() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(eventTypes.split(",")).map(WebhookEventType::subscribable)
                .forEach(type -> type.ifPresent(types::add));
        return types;
    }

    /** The event types as stored and audited: codes in a fixed order, comma-separated. */
    static String codes(Set<WebhookEventType> types) {
        return EnumSet.copyOf(types).stream().map(WebhookEventType::code).collect(Collectors.joining(","));
    }

    /** What the audit log says about it: everything but the secret. */
    String described() {
        return "name=" + name + " url=" + url + " events=" + eventTypes;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    boolean enabled() {
        return enabled;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    Instant disabledAt() {
        return disabledAt;
    }

    String disabledReason() {
        return disabledReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", " + described() + ", enabled=" + enabled + "]"; // never the secret
    }
}
