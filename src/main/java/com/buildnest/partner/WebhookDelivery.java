package com.buildnest.partner;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event on its way to one subscription. The payload is fixed when the event happens and never
 * changes, so every attempt (and the partner's deduplication by event id) sees the same body. Its
 * progress moves only by the conditional updates of {@link WebhookDeliveryRepository}.
 */
@Entity
@Table(name = "partner_delivery")
class WebhookDelivery {

    static final int MAX_PAYLOAD = 4000;

    enum Status {
        PENDING, DELIVERED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_id", nullable = false)
    private long subscriptionId;

    @Column(name = "event_id", nullable = false, length = 40)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 40)
    private String eventType;

    @Column(nullable = false, length = MAX_PAYLOAD)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = 60)
    private String lastError;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long subscriptionId, String eventId, WebhookEventType type, String payload, Instant now) {
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.eventType = type.code();
        this.payload = payload;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    long subscriptionId() {
        return subscriptionId;
    }

    String eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    String payload() {
        return payload;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    Integer lastStatusCode() {
        return lastStatusCode;
    }

    String lastError() {
        return lastError;
    }
}
