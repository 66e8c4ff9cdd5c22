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
import jakarta.persistence.Version;

import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/**
 * The payment of one order number through one gateway order. Capture and failure are conditional
 * updates on the status ({@link PaymentRepository}), so racing callbacks change it once; refunds
 * are decided here, on a row locked for the purpose, so the refunds of a payment never exceed what
 * it captured.
 */
@Entity
@Table(name = "payment")
class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_number", nullable = false, length = 64)
    private String orderNumber;

    @Column(name = "owner_account_id", nullable = false)
    private long ownerAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentProperties.Gateway gateway;

    @Column(name = "gateway_order_id", nullable = false, length = 64)
    private String gatewayOrderId;

    @Column(name = "amount_paise", nullable = false)
    private long amountPaise;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private PaymentStatus status;

    @Column(name = "gateway_payment_id", length = 64)
    private String gatewayPaymentId;

    @Column(name = "refunded_paise", nullable = false)
    private long refundedPaise;

    @Column(name = "failure_reason", length = 255)
    private String failureReason;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Payment() {
    }

    Payment(String orderNumber, long ownerAccountId, PaymentProperties.Gateway gateway, String gatewayOrderId,
            Money amount, Instant now) {
        this.orderNumber = orderNumber;
        this.ownerAccountId = ownerAccountId;
        this.gateway = gateway;
        this.gatewayOrderId = gatewayOrderId;
        this.amountPaise = amount.paise();
        this.currency = Money.CURRENCY;
        this.status = PaymentStatus.CREATED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean ownedBy(long accountId) {
        return ownerAccountId == accountId;
    }

    boolean capturedAs(String paymentId) {
        return status != PaymentStatus.CREATED && status != PaymentStatus.FAILED && paymentId.equals(gatewayPaymentId);
    }

    /**
     * This payment as {@code markCaptured} just left it in the database, for a copy read before that
     * update (which changes nothing else: a payment is refunded only once captured).
     */
    Payment capturedNow(String paymentId) {
        status = PaymentStatus.CAPTURED;
        gatewayPaymentId = paymentId;
        failureReason = null;
        return this;
    }

    /** Whether a call to start this order's payment asks for the same thing as this payment. */
    boolean startedAs(long accountId, Money amount) {
        return ownerAccountId == accountId && amountPaise == amount.paise();
    }

    /** Sets an amount aside for a refund, refusing more than is left of the captured amount. */
    void reserveRefund(Money amount, Instant now) {
        if (!status.refundable()) {
            throw BusinessRuleViolation.conflict("payment.not-refundable",
                    "Only a captured payment can be refunded; this one is " + status + ".");
        }
        if (amount.paise() > amountPaise - refundedPaise) {
            throw BusinessRuleViolation.conflict("payment.refund-exceeds-captured", "At most "
                    + Money.ofPaise(amountPaise - refundedPaise) + " of this payment can still be refunded.");
        }
        refundedPaise += amount.paise();
        updatedAt = now;
    }

    /** A refund set aside was refused by the gateway: its amount is free again. */
    void releaseRefund(Money amount, Instant now) {
        refundedPaise = Math.max(0, refundedPaise - amount.paise());
        updatedAt = now;
    }

    /** Refunds the gateway accepted now add up to {@code acceptedPaise}: sets the refund status. */
    void refundsAccepted(long acceptedPaise, Instant now) {
        if (status.refundable() || status == PaymentStatus.REFUNDED) {
            status = acceptedPaise <= 0 ? PaymentStatus.CAPTURED
                    : acceptedPaise >= amountPaise ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
            updatedAt = now;
        }
    }

    boolean fullyRefunded() {
        return status == PaymentStatus.REFUNDED;
    }

    GatewayCheckout checkout(String keyId) {
        return new GatewayCheckout(gateway, gatewayOrderId, keyId, Money.ofPaise(amountPaise), currency);
    }

    PaymentSummary summary() {
        return new PaymentSummary(orderNumber, gateway, gatewayOrderId, gatewayPaymentId, Money.ofPaise(amountPaise),
                Money.ofPaise(refundedPaise), status);
    }

    Long id() {
        return id;
    }

    String orderNumber() {
        return orderNumber;
    }

    String gatewayOrderId() {
        return gatewayOrderId;
    }

    String gatewayPaymentId() {
        return gatewayPaymentId;
    }

    long amountPaise() {
        return amountPaise;
    }

    String currency() {
        return currency;
    }

    PaymentStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }
}
