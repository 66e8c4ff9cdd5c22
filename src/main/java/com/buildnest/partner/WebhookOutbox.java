package com.buildnest.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import com.buildnest.inventory.StockRanLow;
import com.buildnest.partner.PartnerEvents.WebhookSubscriptionChanged;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderStatusChanged;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the shop's events into deliveries, one per enabled subscription that wants the event, with
 * the payload fixed at that moment. It runs in the transaction of the change (a transactional
 * outbox): a delivery exists exactly when the order or stock change that caused it commits, and
 * none is lost to a crash between the two. No partner is called here; {@link WebhookSender} does
 * that later, outside any transaction.
 *
 * <p>Most events are wanted by nobody, and every order paid passes through here, so which event
 * types the enabled subscriptions want is remembered in this replica
 * ({@link PartnerProperties#subscriptionsRememberedFor()}) and an event nobody wants costs no
 * statement. A change of a subscription made here forgets it when the change commits. One made on
 * another replica is seen here within that time: until then an event of a type that no enabled
 * subscription wanted before is not queued. The other way round is exact: deliveries are queued by
 * one statement that reads the subscriptions themselves, so a subscription just disabled, deleted or
 * no longer wanting the type never gets one.
 */
@Component
class WebhookOutbox {

    static final int MAX_NOTE = 500;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final JsonMapper json;
    private final Clock clock;
    /** One entry at most: the event types some enabled subscription wants. */
    private final Cache<Boolean, Set<WebhookEventType>> wanted;

    WebhookOutbox(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries, JsonMapper json,
            PartnerProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
        this.wanted = Caffeine.newBuilder().expireAfterWrite(properties.subscriptionsRememberedFor()).maximumSize(1)
                .build();
    }

    @EventListener
    @Transactional
    public void on(OrderStatusChanged change) {
        WebhookEventType type = WebhookEventType.forOrderStatus(change.to()).orElse(null);
        // An order that stays where it is (a refund noted on a cancelled order) is no news, but a
        // further partial refund is.
        if (type == null || change.from() == change.to() && change.to() != OrderStatus.PARTIALLY_REFUNDED) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderNumber", change.orderNumber());
        data.put("status", change.to().name());
        data.put("previousStatus", change.from() == null ? null : change.from().name());
        data.put("total", change.total().toJson());
        data.put("changedAt", change.at().toString());
        data.put("note", change.note() == null || change.note().length() <= MAX_NOTE ? change.note()
                : change.note().substring(0, MAX_NOTE));
        queue(type, change.at(), data);
    }

    @EventListener
    @Transactional
    public void on(StockRanLow low) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sku", low.sku());
        data.put("available", low.available());
        data.put("threshold", low.threshold());
        queue(WebhookEventType.STOCK_LOW, clock.instant(), data);
    }

    /** A ping for one subscription, whatever events it wants; in the caller's transaction. */
    @Transactional
    WebhookDelivery ping(WebhookSubscription subscription) {
        Instant now = clock.instant();
        String eventId = newEventId();
        return deliveries.save(new WebhookDelivery(subscription.id(), eventId, WebhookEventType.PING,
                payload(eventId, WebhookEventType.PING, now, Map.of("subscriptionId", subscription.id())), now));
    }

    /**
     * Forgets what subscriptions want once a change of one commits here. Forgetting waits for a
     * reading of them under way, so that reading (of the state before the change) is forgotten too.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(WebhookSubscriptionChanged changed) {
        wanted.invalidateAll();
    }

    private void queue(WebhookEventType type, Instant happenedAt, Map<String, Object> data) {
        if (!wantedTypes().contains(type)) {
            return;
        }
        String eventId = newEventId();
        deliveries.queueForSubscriptionsWanting(type.code(), eventId, payload(eventId, type, happenedAt, data),
                clock.instant());
    }

    private Set<WebhookEventType> wantedTypes() {
        return wanted.get(Boolean.TRUE, all -> {
            Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
            subscriptions.findByEnabledTrue().forEach(subscription -> types.addAll(subscription.types()));
            return types;
        });
    }

    /** {@code {id, type, createdAt, data}}: the id is the same for every subscription, so partners can dedupe. */
    private String payload(String eventId, WebhookEventType type, Instant happenedAt, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("type", type.code());
        event.put("createdAt", happenedAt.toString());
        event.put("data", data);
        return json.writeValueAsString(event);
    }

    private static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
