package com.buildnest.partner;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One try at a delivery, as the delivery log shows it: when, how long it took, what the partner
 * answered (its status and the first few characters of its body) or why no answer came. Never changed.
 */
@Entity
@Table(name = "partner_delivery_attempt")
class DeliveryAttempt {

    static final int MAX_SNIPPET = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private long deliveryId;

    @Column(name = "attempt_number", nullable = false)
    private int number;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(length = 60)
    private String error;

    @Column(name = "duration_millis", nullable = false)
    private long durationMillis;

    @Column(name = "response_snippet", length = MAX_SNIPPET)
    private String responseSnippet;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(long deliveryId, int number, Instant attemptedAt, WebhookTransport.Outcome outcome) {
        this.deliveryId = deliveryId;
        this.number = number;
        this.attemptedAt = attemptedAt;
        this.succeeded = outcome.succeeded();
        this.statusCode = outcome.statusCode();
        this.error = outcome.error();
        this.durationMillis = outcome.durationMillis();
        this.responseSnippet = outcome.snippet();
    }

    int number() {
        return number;
    }

    Instant attemptedAt() {
        return attemptedAt;
    }

    boolean succeeded() {
        return succeeded;
    }

    Integer statusCode() {
        return statusCode;
    }

    String error() {
        return error;
    }

    long durationMillis() {
        return durationMillis;
    }

    String responseSnippet() {
        return responseSnippet;
    }
}
