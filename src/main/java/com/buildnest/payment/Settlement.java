package com.buildnest.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/**
 * Every change of a payment or a refund, wherever the news comes from (the browser callback, a
 * webhook, the reconciliation, a refund call), and the event that announces it. Each change is
 * one transaction that takes effect once however often and in whatever order the news arrives:
 * captures and failures by conditional updates on the status, refunds under the payment's row lock.
 */
@Component
class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    /** What a piece of news did; webhooks record it in their inbox. */
    enum Outcome {
        SETTLED, ALREADY_SETTLED, AMOUNT_MISMATCH, SECOND_PAYMENT, UNKNOWN_ORDER, UNKNOWN_PAYMENT, NOT_SUCCESSFUL;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Settlement(PaymentRepository payments, RefundRepository refunds, ApplicationEventPublisher events, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a payment just started at the gateway, and in the same transaction what the caller
     * notes beside it ({@link Payments#startNew}).
     */
    @Transactional
    public void started(Payment payment, Runnable alongside) {
        payments.saveAndFlush(payment);
        alongside.run();
    }

    /**
     * The payment of a successful attempt's gateway order, read without a transaction or a lock; empty
     * for a failed attempt or an order not ours. Its order, amount and currency never change, so the
     * caller may hand it to {@link #captured(Payment, PaymentGateway.Payment)} later instead of having
     * it read again.
     */
    public Optional<Payment> paymentOf(PaymentGateway.Payment attempt) {
        return attempt.succeeded() ? payments.findByGatewayOrderId(attempt.orderId()) : Optional.empty();
    }

    /**
     * Whether this attempt is already the capture of {@code payment} as read: a capture is never
     * undone nor moved to another attempt, so a yes cannot turn stale, and capturing would change
     * nothing. A no means only "not known to be settled": the caller goes on to {@code captured}.
     */
    public boolean alreadyCapturedAs(Payment payment, PaymentGateway.Payment attempt) {
        return attempt.succeeded() && attempt.charges(payment.amountPaise(), payment.currency())
                && payment.capturedAs(attempt.id());
    }

    /** A successful attempt, as the gateway reports it: captures the payment of its order once. */
    @Transactional
    public Outcome captured(PaymentGateway.Payment attempt) {
        if (!attempt.succeeded()) {
            return Outcome.NOT_SUCCESSFUL;
        }
        Payment payment = payments.findByGatewayOrderId(attempt.orderId()).orElse(null);
        if (payment == null) {
            return Outcome.UNKNOWN_ORDER;
        }
        return capture(payment, attempt);
    }

    /**
     * A successful attempt for a payment the caller read already (its order, amount and currency
     * never change): captures it once, without reading it again.
     */
    @Transactional
    public Outcome captured(Payment payment, PaymentGateway.Payment attempt) {
        if (!attempt.succeeded() || !payment.gatewayOrderId().equals(attempt.orderId())) {
            return Outcome.NOT_SUCCESSFUL;
        }
        return capture(payment, attempt);
    }

    private Outcome capture(Payment payment, PaymentGateway.Payment attempt) {
        if (!attempt.charges(payment.amountPaise(), payment.currency())) {
            log.error("Payment {} of gateway order {} charged {} paise {} but the order is for {} paise {}: ignored",
                    attempt.id(), attempt.orderId(), attempt.amount(), attempt.currency(), payment.amountPaise(),
                    payment.currency());
            return Outcome.AMOUNT_MISMATCH;
        }
        if (payment.capturedAs(attempt.id())) {
            // Captured as this very attempt (by the browser's callback or an earlier delivery): a
            // capture is never undone nor moved to another attempt, so there is nothing to update or lock.
            return Outcome.ALREADY_SETTLED;
        }
        Instant now = clock.instant();
        if (payments.markCaptured(payment.id(), attempt.id(), now) == 0) {
            // A locking read sees the winner's commit; a plain one may still see this transaction's snapshot.
            String capturedAs = payments.lockById(payment.id()).map(Payment::gatewayPaymentId).orElse(null);
            if (attempt.id().equals(capturedAs)) {
                return Outcome.ALREADY_SETTLED;
            }
            log.error("Order {} was paid twice: {} is captured as well as {}; refund one of them", payment.orderNumber(),
                    attempt.id(), capturedAs);
            return Outcome.SECOND_PAYMENT;
        }
        events.publishEvent(new PaymentCaptured(payment.orderNumber(), payment.gatewayOrderId(), attempt.id(),
                Money.ofPaise(payment.amountPaise()), now));
        return Outcome.SETTLED;
    }

    /** A failed attempt: fails the payment of its order unless it was settled already. */
    @Transactional
    public Outcome failed(PaymentGateway.Payment attempt) {
        return payments.findByGatewayOrderId(attempt.orderId())
                .map(payment -> fail(payment, attempt.id(), attempt.failureReason()))
                .orElse(Outcome.UNKNOWN_ORDER);
    }

    /** No successful attempt in time: fails the payment unless it was settled meanwhile. */
    @Transactional
    public Outcome expired(long paymentId, String reason) {
        return payments.findById(paymentId).map(payment -> fail(payment, null, reason))
                .orElse(Outcome.UNKNOWN_ORDER);
    }

    private Outcome fail(Payment payment, String attemptId, String reason) {
        Instant now = clock.instant();
        String why = reason.length() > 255 ? reason.substring(0, 255) : reason;
        if (payments.markFailed(payment.id(), why, now) == 0) {
            return Outcome.ALREADY_SETTLED;
        }
        events.publishEvent(new PaymentFailed(payment.orderNumber(), payment.gatewayOrderId(), attemptId, why, now));
        return Outcome.SETTLED;
    }

    /**
     * Sets an amount aside for a refund under the key, or finds the refund the key already names.
     *
     * @throws BusinessRuleViolation when the key names another refund, the payment is not
     *         captured, or the amount exceeds what is left
     */
    @Transactional
    public Refund requestRefund(String orderNumber, Money amount, String idempotencyKey) {
        Payment payment = payments.lockByOrderNumber(orderNumber).orElseThrow(Payments::notFound);
        Refund earlier = refunds.findByIdempotencyKey(idempotencyKey).orElse(null);
        if (earlier != null) {
            if (!earlier.requestedAs(payment.id(), amount)) {
                throw BusinessRuleViolation.conflict("payment.idempotency-key-reused",
                        "This idempotency key was used for another refund.");
            }
            return earlier;
        }
        payment.reserveRefund(amount, clock.instant());
        return refunds.save(new Refund(payment.id(), amount, idempotencyKey, clock.instant()));
    }

    /** The gateway accepted a refund we asked for (or its webhook came first): announces it once. */
    @Transactional
    public RefundReceipt refundAccepted(long paymentId, long refundId, PaymentGateway.Refund accepted) {
        Payment payment = payments.lockById(paymentId).orElseThrow();
        return accept(payment, refunds.findById(refundId).orElseThrow(), accepted);
    }

    /** The gateway refused a refund we asked for: frees its amount. */
    @Transactional
    public void refundRefused(long paymentId, long refundId) {
        Payment payment = payments.lockById(paymentId).orElseThrow();
        Refund refund = refunds.findById(refundId).orElseThrow();
        if (refund.fail(clock.instant())) {
            payment.releaseRefund(refund.amount(), clock.instant());
        }
    }

    /**
     * A refund reported by webhook: one of ours (answered or not yet), or one made in the gateway's
     * dashboard, which is recorded as a refund of its own.
     */
    @Transactional
    public Outcome refundReported(PaymentGateway.Refund reported) {
        Payment payment = payments.lockByGatewayPaymentId(reported.paymentId()).orElse(null);
        if (payment == null) {
            return Outcome.UNKNOWN_PAYMENT;
        }
        Refund refund = refunds.findByGatewayRefundId(reported.id())
                .or(() -> refunds.findFirstByPaymentIdAndStatusAndAmountPaiseOrderById(payment.id(),
                        RefundStatus.REQUESTED, reported.amount()))
                .orElse(null);
        if (refund == null) {
            Money amount = Money.ofPaise(reported.amount());
            payment.reserveRefund(amount, clock.instant());
            refund = refunds.save(new Refund(payment.id(), amount, null, clock.instant()));
        }
        RefundStatus before = refund.status();
        accept(payment, refund, reported);
        return before == refund.status() ? Outcome.ALREADY_SETTLED : Outcome.SETTLED;
    }

    /** A refund the gateway reports as failed. */
    @Transactional
    public Outcome refundFailed(PaymentGateway.Refund reported) {
        Payment payment = payments.lockByGatewayPaymentId(reported.paymentId()).orElse(null);
        Refund refund = payment == null ? null : refunds.findByGatewayRefundId(reported.id()).orElse(null);
        if (refund == null) {
            return Outcome.UNKNOWN_PAYMENT;
        }
        boolean wasAccepted = refund.status().accepted();
        if (!refund.fail(clock.instant())) {
            return Outcome.ALREADY_SETTLED;
        }
        payment.releaseRefund(refund.amount(), clock.instant());
        refunds.flush();
        payment.refundsAccepted(refunds.acceptedPaise(payment.id()), clock.instant());
        if (wasAccepted) {
            log.error("Refund {} of order {} failed after the gateway had accepted it; the customer still waits for {}",
                    reported.id(), payment.orderNumber(), refund.amount());
        }
        return Outcome.SETTLED;
    }

    private RefundReceipt accept(Payment payment, Refund refund, PaymentGateway.Refund accepted) {
        Instant now = clock.instant();
        boolean news = refund.accept(accepted.id(), accepted.processed(), now);
        refunds.flush();
        payment.refundsAccepted(refunds.acceptedPaise(payment.id()), now);
        if (news) {
            events.publishEvent(new PaymentRefunded(payment.orderNumber(), accepted.id(), refund.amount(),
                    payment.fullyRefunded(), now));
        }
        return receipt(payment, refund);
    }

    static RefundReceipt receipt(Payment payment, Refund refund) {
        return new RefundReceipt(payment.orderNumber(), refund.gatewayRefundId(), refund.amount(), refund.status(),
                payment.fullyRefunded());
    }
}
