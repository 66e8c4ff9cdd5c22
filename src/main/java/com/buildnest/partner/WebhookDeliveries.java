package com.buildnest.partner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.partner.PartnerEvents.WebhookSubscriptionChanged;
import com.buildnest.partner.WebhookDelivery.Status;

/**
 * The database side of sending: finding due deliveries, claiming one for an attempt, and recording
 * what came of it, each in a short transaction of its own, so that the HTTP call in between holds
 * no transaction and no lock. Every step is a conditional update, safe if two senders ever meet.
 */
@Service
class WebhookDeliveries {

    /** What an attempt made of a delivery. */
    enum Result {
        DELIVERED, RETRYING, FAILED, GONE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A claimed delivery with everything needed to send it. */
    record Outgoing(long deliveryId, long subscriptionId, String eventType, String payload, String url,
            List<String> secrets, int attempt) {

        @Override
        public String toString() {
            return "Outgoing[delivery=" + deliveryId + ", subscription=" + subscriptionId + ", attempt=" + attempt + "]";
        }
    }

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final DeliveryAttemptRepository attempts;
    private final ApplicationEventPublisher events;

    WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions,
            DeliveryAttemptRepository attempts, ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.attempts = attempts;
        this.events = events;
    }

    @Transactional(readOnly = true)
    List<Long> due(Instant now, int limit) {
        return deliveries.findDue(Status.PENDING, now, PageRequest.of(0, limit));
    }

    /** Takes a due delivery of an enabled subscription for one attempt; empty when someone else has it or it is not due. */
    @Transactional
    Optional<Outgoing> claim(long deliveryId, Instant now, Instant leaseUntil) {
        WebhookDelivery delivery = deliveries.findById(deliveryId).orElse(null);
        if (delivery == null) {
            return Optional.empty();
        }
        WebhookSubscription subscription = subscriptions.findById(delivery.subscriptionId()).orElse(null);
        if (subscription == null || !subscription.enabled()
                || deliveries.claim(deliveryId, Status.PENDING, now, leaseUntil) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Outgoing(deliveryId, subscription.id(), delivery.eventType(), delivery.payload(),
                subscription.url(), subscription.signingSecrets(now), delivery.attempts() + 1));
    }

    /**
     * Records an attempt and moves the delivery on: delivered; to be retried at {@code retryAt}; or,
     * with no retry left, failed, which counts against the subscription and disables it once
     * {@code disableAfter} deliveries in a row have failed.
     */
    @Transactional
    Result record(Outgoing sent, WebhookTransport.Outcome outcome, Instant now, Instant retryAt, int disableAfter) {
        Integer code = outcome.statusCode();
        String error = outcome.error();
        Result result;
        if (outcome.succeeded()) {
            result = deliveries.finish(sent.deliveryId(), Status.PENDING, Status.DELIVERED, now, code, null) == 1
                    ? Result.DELIVERED : Result.GONE;
            if (result == Result.DELIVERED) {
                subscriptions.deliverySucceeded(sent.subscriptionId());
            }
        } else if (retryAt != null) {
            result = deliveries.retryAt(sent.deliveryId(), Status.PENDING, retryAt, code, error) == 1
                    ? Result.RETRYING : Result.GONE;
        } else {
            result = deliveries.finish(sent.deliveryId(), Status.PENDING, Status.FAILED, now, code, error) == 1
                    ? Result.FAILED : Result.GONE;
            if (result == Result.FAILED) {
                failedFor(sent.subscriptionId(), disableAfter, now);
            }
        }
        if (result != Result.GONE) {
            attempts.save(new DeliveryAttempt(sent.deliveryId(), sent.attempt(), now, outcome));
        }
        return result;
    }

    private void failedFor(long subscriptionId, int disableAfter, Instant now) {
        subscriptions.deliveryFailed(subscriptionId);
        String reason = disableAfter + " deliveries in a row failed";
        if (subscriptions.disableAfterFailures(subscriptionId, disableAfter, reason, now) == 1) {
            events.publishEvent(new WebhookSubscriptionChanged(subscriptionId, "disabled", reason, null, now));
        }
    }

    /** Deletes up to {@code limit} delivered or failed deliveries made before {@code before}, with their attempts. */
    @Transactional
    int purgeFinishedBefore(Instant before, int limit) {
        List<Long> old = deliveries.findFinishedBefore(Status.PENDING, before, PageRequest.of(0, limit));
        if (old.isEmpty()) {
            return 0;
        }
        attempts.deleteByDeliveryIds(old);
        return deliveries.deleteByIds(old);
    }
}
