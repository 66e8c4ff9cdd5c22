package com.buildnest.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.buildnest.partner.WebhookDeliveries.Outgoing;
import com.buildnest.partner.WebhookDeliveries.Result;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends due webhook deliveries, on one replica at a time (ShedLock): each is claimed, signed at
 * the moment of sending, posted outside any transaction, and recorded. A 2xx answer delivers it;
 * anything else is a failed attempt, retried after an exponentially growing wait with jitter,
 * until {@code delivery.max-attempts} make it FAILED. Old finished deliveries are purged. Counted
 * in {@code buildnest.partner.webhook.attempts} by result.
 */
@Component
class WebhookSender {

    static final String LOCK = "partner.send-webhooks";
    static final int PURGE_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

    private final WebhookDeliveries deliveries;
    private final WebhookTransport transport;
    private final PartnerProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    WebhookSender(WebhookDeliveries deliveries, WebhookTransport transport, PartnerProperties properties,
            MeterRegistry meters, Clock clock) {
        this.deliveries = deliveries;
        this.transport = transport;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buildnest.partner.delivery.every:10s}",
            initialDelayString = "${buildnest.partner.delivery.every:10s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "30m")
    public void sendDue() {
        Instant now = clock.instant();
        for (long deliveryId : deliveries.due(now, properties.delivery().batchSize())) {
            send(deliveryId);
        }
        int purged = deliveries.purgeFinishedBefore(now.minus(properties.delivery().keepLogFor()), PURGE_BATCH);
        if (purged > 0) {
            log.info("Purged {} finished webhook deliveries older than {}", purged, properties.delivery().keepLogFor());
        }
    }

    private void send(long deliveryId) {
        Instant now = clock.instant();
        Duration lease = properties.connectTimeout().plus(properties.readTimeout().multipliedBy(2)).plus(LEASE_MARGIN);
        Optional<Outgoing> claimed = deliveries.claim(deliveryId, now, now.plus(lease));
        if (claimed.isEmpty()) {
            return; // no longer due, taken by someone else, or its subscription was disabled meanwhile
        }
        Outgoing sent = claimed.get();
        Map<String, String> headers = Map.of(
                "X-BuildNest-Event", sent.eventType(),
                "X-BuildNest-Delivery", Long.toString(sent.deliveryId()),
                "X-BuildNest-Signature", WebhookSignature.header(now.getEpochSecond(), sent.payload(), sent.secrets()));
        WebhookTransport.Outcome outcome = transport.post(sent.url(), headers, sent.payload());
        Instant after = clock.instant();
        PartnerProperties.Delivery settings = properties.delivery();
        Instant retryAt = sent.attempt() >= settings.maxAttempts() ? null : after.plus(retryDelay(sent.attempt()));
        Result result = deliveries.record(sent, outcome, after, retryAt, properties.disableAfterFailedDeliveries());
        meters.counter("buildnest.partner.webhook.attempts", "result", result.label()).increment();
        if (result == Result.RETRYING || result == Result.FAILED) {
            // Never the URL: partners sometimes put a token into it.
            log.warn("Webhook delivery {} of subscription {} failed on attempt {} ({}): {}", sent.deliveryId(),
                    sent.subscriptionId(), sent.attempt(), outcome.summary(),
                    result == Result.FAILED ? "given up" : "retrying at " + retryAt);
        }
    }

    /**
     * The wait after failed attempt number {@code attempt} (from 1): {@code first-retry} times
     * {@code retry-multiplier} to the power of {@code attempt - 1}, at most {@code max-retry-delay},
     * plus up to {@code jitter-percent} of it at random.
     */
    Duration retryDelay(int attempt) {
        PartnerProperties.Delivery settings = properties.delivery();
        Duration wait = settings.firstRetry();
        for (int i = 1; i < attempt && wait.compareTo(settings.maxRetryDelay()) < 0; i++) {
            wait = wait.multipliedBy(settings.retryMultiplier());
        }
        if (wait.compareTo(settings.maxRetryDelay()) > 0) {
            wait = settings.maxRetryDelay();
        }
        long jitterMillis = wait.toMillis() * settings.jitterPercent() / 100;
        return jitterMillis <= 0 ? wait : wait.plusMillis(ThreadLocalRandom.current().nextLong(jitterMillis + 1));
    }
}
