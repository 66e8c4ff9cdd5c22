package com.buildnest.partner;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound partner webhooks: where they may go, how long a partner may take, and how failures are
 * retried and given up on.
 *
 * @param allowPrivateTargets whether a target may be plain {@code http} and resolve to a private,
 *        loopback or link-local address; true only in the embedded default and tests, and refused
 *        by the {@code prod} profile's start-up checks
 * @param connectTimeout how long opening a connection to a partner may take
 * @param readTimeout how long a partner may be silent while answering, and (twice over) how long a
 *        whole delivery attempt may take
 * @param delivery when and how deliveries are sent and retried
 * @param disableAfterFailedDeliveries a subscription is disabled when this many of its deliveries in
 *        a row have failed for good (each after {@code delivery.max-attempts} attempts)
 * @param secretOverlap after a secret is rotated, deliveries carry a signature with the previous
 *        secret too for this long, so a partner can switch without losing events
 * @param subscriptionsRememberedFor how long a replica remembers which event types the enabled
 *        subscriptions want: a subscription created, enabled or given a new type on another replica
 *        may miss events of a type nobody wanted before for up to this long (see {@code WebhookOutbox})
 */
@Validated
@ConfigurationProperties("buildnest.partner")
public record PartnerProperties(@DefaultValue("false") boolean allowPrivateTargets,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("5s") Duration readTimeout,
        @Valid @NotNull @DefaultValue Delivery delivery,
        @Min(1) @Max(1000) @DefaultValue("5") int disableAfterFailedDeliveries,
        @NotNull @DefaultValue("24h") Duration secretOverlap,
        @NotNull @DefaultValue("5s") Duration subscriptionsRememberedFor) {

    /**
     * @param every how often due deliveries are looked for (one replica at a time)
     * @param batchSize at most this many deliveries per run
     * @param maxAttempts attempts of one delivery before it is FAILED
     * @param firstRetry the wait after the first failed attempt
     * @param retryMultiplier each further wait is this many times the one before ...
     * @param maxRetryDelay ... but never longer than this
     * @param jitterPercent each wait is lengthened by a random share of up to this many percent, so
     *        that retries to one partner do not arrive in lockstep
     * @param keepLogFor delivered and failed deliveries (and their attempts) are deleted after this long
     */
    public record Delivery(@NotNull @DefaultValue("10s") Duration every,
            @Min(1) @Max(1000) @DefaultValue("50") int batchSize,
            @Min(1) @Max(50) @DefaultValue("8") int maxAttempts,
            @NotNull @DefaultValue("1m") Duration firstRetry,
            @Min(1) @Max(10) @DefaultValue("4") int retryMultiplier,
            @NotNull @DefaultValue("12h") Duration maxRetryDelay,
            @Min(0) @Max(100) @DefaultValue("20") int jitterPercent,
            @NotNull @DefaultValue("30d") Duration keepLogFor) {
    }
}
