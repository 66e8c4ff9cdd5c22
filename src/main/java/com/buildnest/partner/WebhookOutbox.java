package com.buildnest.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.inventory.StockRanLow;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderStatusChanged;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the shop's events into deliveries, one per enabled subscription that wants the event, with
 * the payload fixed at that moment. It runs in the transaction of the change (a transactional
 * outbox): a delivery exists exactly when the order or stock change that caused it commits, and
 * none is lost to a crash between the two. No partner is called here; {@link WebhookSender} does
 * that later, outside any transaction.
 */
@Component
class WebhookOutbox {

    static final int MAX_NOTE = 500;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final JsonMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries, JsonMapper json,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
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

    private void queue(WebhookEventType type, Instant happenedAt, Map<String, Object> data) {
        List<WebhookSubscription> wanting = subscriptions.findByEnabledTrue().stream()
                .filter(subscription -> subscription.wants(type)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        String eventId = newEventId();
        String payload = payload(eventId, type, happenedAt, data);
        Instant now = clock.instant();
        deliveries.saveAll(wanting.stream()
                .map(subscription -> new WebhookDelivery(subscription.id(), eventId, type, payload, now)).toList());
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
