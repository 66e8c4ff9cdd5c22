package com.buildnest.payment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.buildnest.shared.Money;

/**
 * A refund of part or all of a payment, from REQUESTED (amount set aside) to accepted by the
 * gateway (PENDING, then PROCESSED) or FAILED. Each step is taken once, under the payment's row lock.
 */
@Entity
@Table(name = "payment_refund")
class Refund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "payment_id", nullable = false)
    private long paymentId;

    @Column(name = "gateway_refund_id", length = 64)
    private String gatewayRefundId;

    @Column(name = "amount_paise", nullable = false)
    private long amountPaise;

    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RefundStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Refund() {
    }

    /** A refund we ask for: REQUESTED until the gateway answers. */
    Refund(long paymentId, Money amount, String idempotencyKey, Instant now) {
        this.paymentId = paymentId;
        this.amountPaise = amount.paise();
        this.idempotencyKey = idempotencyKey;
        this.status = RefundStatus.REQUESTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether a repeated request with this refund's idempotency key asks for the same refund. */
    boolean requestedAs(long paymentIdAsked, Money amount) {
        return paymentId == paymentIdAsked && amountPaise == amount.paise();
    }

    /** The gateway accepted this refund; true if that is news. */
    boolean accept(String refundId, boolean processed, Instant now) {
        if (status == RefundStatus.PROCESSED || status == RefundStatus.FAILED
                || status == RefundStatus.PENDING && !processed) {
            return false;
        }
        boolean news = status == RefundStatus.REQUESTED;
        gatewayRefundId = refundId;
        status = processed ? RefundStatus.PROCESSED : RefundStatus.PENDING;
        updatedAt = now;
        return news;
    }

    /** The gateway refused this refund; true if it was not already settled otherwise. */
    boolean fail(Instant now) {
        if (status == RefundStatus.PROCESSED || status == RefundStatus.FAILED) {
            return false;
        }
        status = RefundStatus.FAILED;
        updatedAt = now;
        return true;
    }

    Long id() {
        return id;
    }

    long paymentId() {
        return paymentId;
    }

    String gatewayRefundId() {
        return gatewayRefundId;
    }

    Money amount() {
        return Money.ofPaise(amountPaise);
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    RefundStatus status() {
        return status;
    }
}
