package com.buildnest.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.partner.PartnerEvents.WebhookSubscriptionChanged;
import com.buildnest.partner.TargetGuard.TargetRefused;
import com.buildnest.partner.WebhookDelivery.Status;
import com.buildnest.shared.BusinessRuleViolation;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Administrators' management of partner webhook subscriptions and their delivery log. A target URL
 * is checked ({@link TargetGuard}, which may ask DNS) before any transaction opens; every change is
 * audited through {@link WebhookSubscriptionChanged}. The signing secret leaves only in the answers
 * to create and rotate-secret.
 */
@Service
class WebhookSubscriptions {

    static final int MAX_PAGE_SIZE = 100;
    private static final int DELETE_CHUNK = 500;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final WebhookOutbox outbox;
    private final TargetGuard guard;
    private final PartnerProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            DeliveryAttemptRepository attempts, WebhookOutbox outbox, PartnerProperties properties,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.outbox = outbox;
        this.guard = TargetGuard.withSystemDns(properties.allowPrivateTargets());
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a subscription is made of, as an administrator gives it. */
    record Form(String name, String url, Set<String> events) {
    }

    SubscriptionWithSecret create(Form form, long actorId) {
        Set<WebhookEventType> types = typesOf(form.events());
        String url = checkedTarget(form.url());
        return transactions.execute(status -> {
            WebhookSubscription subscription = subscriptions.save(new WebhookSubscription(form.name().strip(), url,
                    types, clock.instant()));
            published(subscription, "created", subscription.described(), actorId);
            return new SubscriptionWithSecret(SubscriptionView.of(subscription), subscription.secret());
        });
    }

    SubscriptionView update(long id, Form form, long actorId) {
        Set<WebhookEventType> types = typesOf(form.events());
        String url = checkedTarget(form.url());
        return transactions.execute(status -> {
            WebhookSubscription subscription = found(id);
            String changes = subscription.change(form.name().strip(), url, types, clock.instant());
            if (!changes.isEmpty()) {
                published(subscription, "updated", changes, actorId);
            }
            return SubscriptionView.of(subscription);
        });
    }

    /** Deletes the subscription with its whole delivery log. */
    void delete(long id, long actorId) {
        transactions.executeWithoutResult(status -> {
            WebhookSubscription subscription = found(id);
            List<Long> logged = deliveries.findIdsBySubscriptionId(id);
            for (int from = 0; from < logged.size(); from += DELETE_CHUNK) {
                List<Long> chunk = logged.subList(from, Math.min(logged.size(), from + DELETE_CHUNK));
                attempts.deleteByDeliveryIds(chunk);
                deliveries.deleteByIds(chunk);
            }
            subscriptions.delete(subscription);
            published(subscription, "deleted", subscription.described() + " deliveries=" + logged.size(), actorId);
        });
    }

    /** Receives webhooks again (what was pending resumes), with a clean failure count. */
    SubscriptionView enable(long id, long actorId) {
        return transactions.execute(status -> {
            WebhookSubscription subscription = found(id);
            if (subscription.enable(clock.instant())) {
                published(subscription, "enabled", "", actorId);
            }
            return SubscriptionView.of(subscription);
        });
    }

    SubscriptionView disable(long id, long actorId) {
        return transactions.execute(status -> {
            WebhookSubscription subscription = found(id);
            if (subscription.disable("disabled by an administrator", clock.instant())) {
                published(subscription, "disabled", "by an administrator", actorId);
            }
            return SubscriptionView.of(subscription);
        });
    }

    SubscriptionWithSecret rotateSecret(long id, long actorId) {
        return transactions.execute(status -> {
            WebhookSubscription subscription = found(id);
            String secret = subscription.rotateSecret(properties.secretOverlap(), clock.instant());
            published(subscription, "secret-rotated", subscription.previousSecretUntil() == null
                    ? "previous secret no longer signs"
                    : "previous secret signs until " + subscription.previousSecretUntil(), actorId);
            return new SubscriptionWithSecret(SubscriptionView.of(subscription), secret);
        });
    }

    /** Queues a {@code ping} for the next run of the sender; only to an enabled subscription. */
    DeliveryView ping(long id) {
        return transactions.execute(status -> {
            WebhookSubscription subscription = found(id);
            if (!subscription.enabled()) {
                throw BusinessRuleViolation.conflict("partner.subscription-disabled",
                        "Webhook subscription " + id + " is disabled; enable it first.");
            }
            return DeliveryView.of(outbox.ping(subscription));
        });
    }

    Page<SubscriptionView> list(int page, int size) {
        return transactions.execute(status -> subscriptions
                .findAllByOrderByIdAsc(PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE))).map(SubscriptionView::of));
    }

    SubscriptionView get(long id) {
        return transactions.execute(status -> SubscriptionView.of(found(id)));
    }

    /** The delivery log of a subscription, newest first, optionally of one status. */
    Page<DeliveryView> deliveries(long id, Status only, int page, int size) {
        return transactions.execute(status -> {
            found(id);
            PageRequest request = PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE));
            return (only == null ? deliveries.findBySubscriptionIdOrderByIdDesc(id, request)
                    : deliveries.findBySubscriptionIdAndStatusOrderByIdDesc(id, only, request)).map(DeliveryView::of);
        });
    }

    /** One delivery with its payload and every attempt. */
    DeliveryDetail delivery(long id, long deliveryId) {
        return transactions.execute(status -> {
            WebhookDelivery delivery = deliveries.findByIdAndSubscriptionId(deliveryId, id)
                    .orElseThrow(() -> BusinessRuleViolation.notFound("partner.delivery-not-found",
                            "Webhook subscription " + id + " has no delivery " + deliveryId + "."));
            return new DeliveryDetail(DeliveryView.of(delivery), delivery.payload(),
                    attempts.findByDeliveryIdOrderByNumberAsc(deliveryId).stream().map(AttemptView::of).toList());
        });
    }

    private WebhookSubscription found(long id) {
        return subscriptions.findById(id).orElseThrow(() -> BusinessRuleViolation.notFound(
                "partner.subscription-not-found", "No webhook subscription " + id + "."));
    }

    private String checkedTarget(String url) {
        try {
            return guard.check(url).toString();
        } catch (TargetRefused refused) {
            throw BusinessRuleViolation.invalidField("partner.target-refused", "url", refused.getMessage());
        }
    }

    private static Set<WebhookEventType> typesOf(Set<String> codes) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        List<String> unknown = new ArrayList<>();
        for (String code : codes) {
            WebhookEventType.subscribable(code.strip()).ifPresentOrElse(types::add, () -> unknown.add(code));
        }
        if (!unknown.isEmpty()) {
            throw BusinessRuleViolation.invalidField("partner.unknown-event-type", "events", "Unknown event type "
                    + String.join(", ", unknown) + "; known are " + Arrays.stream(WebhookEventType.values())
                            .filter(type -> type != WebhookEventType.PING).map(WebhookEventType::code)
                            .collect(Collectors.joining(", ")) + ".");
        }
        return types;
    }

    private void published(WebhookSubscription subscription, String action, String detail, long actorId) {
        events.publishEvent(new WebhookSubscriptionChanged(subscription.id(), action, detail, actorId,
                clock.instant()));
    }

    /** A subscription as administrators see it: never its secret. */
    record SubscriptionView(long id, String name, String url, List<String> events, boolean enabled,
            int consecutiveFailures, Instant disabledAt, String disabledReason, Instant previousSecretValidUntil,
            Instant createdAt, Instant updatedAt) {

        static SubscriptionView of(WebhookSubscription subscription) {
            return new SubscriptionView(subscription.id(), subscription.name(), subscription.url(),
                    subscription.types().stream().map(WebhookEventType::code).toList(), subscription.enabled(),
                    subscription.consecutiveFailures(), subscription.disabledAt(), subscription.disabledReason(),
                    subscription.previousSecretUntil(), subscription.createdAt(), subscription.updatedAt());
        }
    }

    /** The answer to create and rotate-secret: the only time the secret is shown. */
    record SubscriptionWithSecret(@JsonUnwrapped SubscriptionView subscription, String secret) {

        @Override
        public String toString() {
            return "SubscriptionWithSecret[" + subscription + "]"; // never the secret
        }
    }

    /** A line of the delivery log; {@code nextAttemptAt} only while it is pending. */
    record DeliveryView(long id, String eventId, String eventType, Status status, int attempts, Instant createdAt,
            Instant nextAttemptAt, Instant finishedAt, Integer lastStatusCode, String lastError) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.status(),
                    delivery.attempts(), delivery.createdAt(),
                    delivery.status() == Status.PENDING ? delivery.nextAttemptAt() : null, delivery.finishedAt(),
                    delivery.lastStatusCode(), delivery.lastError());
        }
    }

    /** A delivery with the exact payload it carries and every attempt at it. */
    record DeliveryDetail(@JsonUnwrapped DeliveryView delivery, @JsonRawValue String payload,
            List<AttemptView> attemptLog) {
    }

    record AttemptView(int number, Instant attemptedAt, boolean succeeded, Integer statusCode, String error,
            long durationMillis, String responseSnippet) {

        static AttemptView of(DeliveryAttempt attempt) {
            return new AttemptView(attempt.number(), attempt.attemptedAt(), attempt.succeeded(), attempt.statusCode(),
                    attempt.error(), attempt.durationMillis(), attempt.responseSnippet());
        }
    }
}
