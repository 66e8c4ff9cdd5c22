package com.buildnest.payment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/**
 * The payment module's API: start the payment of an order, confirm the browser's checkout
 * callback, refund, look a payment up. Outcomes are announced as {@link PaymentCaptured},
 * {@link PaymentFailed} and {@link PaymentRefunded}, each exactly once, whether the news came
 * through this API, a webhook or the reconciliation.
 *
 * <p>These methods call the gateway over the network: call them outside a database transaction.
 * They open their own short transactions around the gateway call, never across it.
 */
@Service
public class Payments {

    static final int MAX_ORDER_NUMBER = 64;
    static final int MAX_IDEMPOTENCY_KEY = 100;
    /** Razorpay's smallest order: one rupee. */
    static final long MINIMUM_PAISE = 100;

    private final PaymentRepository payments;
    private final Settlement settlement;
    private final PaymentGateway gateway;
    private final Clock clock;

    Payments(PaymentRepository payments, Settlement settlement, PaymentGateway gateway, Clock clock) {
        this.payments = payments;
        this.settlement = settlement;
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Starts the payment of an order: creates the gateway order and returns what the browser's
     * checkout needs. Idempotent per order number: a repeated call (a retried checkout, two racing
     * ones) returns the same gateway order and never creates a second payment.
     *
     * @param orderNumber the caller's reference for the order (at most 64 characters)
     * @param ownerAccountId the account that will pay; only it may confirm the payment
     * @param amount what to charge, at least ₹1
     * @throws PaymentGatewayUnavailable when the gateway times out or fails; nothing is recorded
     * @throws BusinessRuleViolation {@code payment.already-started} when the order number was started
     *         for another account or amount
     */
    public GatewayCheckout start(String orderNumber, long ownerAccountId, Money amount) {
        requireStartable(orderNumber, amount);
        Optional<Payment> started = payments.findByOrderNumber(orderNumber);
        if (started.isPresent()) {
            return checkoutOf(started.get(), ownerAccountId, amount);
        }
        try {
            return payments.saveAndFlush(atGateway(orderNumber, ownerAccountId, amount)).checkout(gateway.keyId());
        } catch (DataIntegrityViolationException raced) {
            // A concurrent start won; its gateway order is the one to pay, ours is never shown to anyone.
            return checkoutOf(payments.findByOrderNumber(orderNumber).orElseThrow(() -> raced), ownerAccountId,
                    amount);
        }
    }

    /**
     * {@link #start} for an order number the caller has just made, so one never started before: no
     * earlier payment is looked for (a statement and a transaction of their own). {@code alongside}
     * runs in the transaction that records the payment, so the caller notes the gateway order in
     * its own tables together with it; by throwing, it records neither.
     *
     * @throws PaymentGatewayUnavailable when the gateway times out or fails; nothing is recorded
     * @throws DataIntegrityViolationException when the order number was started after all (the
     *         caller's mistake); nothing is recorded
     */
    public GatewayCheckout startNew(String orderNumber, long ownerAccountId, Money amount,
            Consumer<GatewayCheckout> alongside) {
        requireStartable(orderNumber, amount);
        Payment payment = atGateway(orderNumber, ownerAccountId, amount);
        GatewayCheckout checkout = payment.checkout(gateway.keyId());
        settlement.started(payment, () -> alongside.accept(checkout));
        return checkout;
    }

    /** A new payment of the order number, its order created at the gateway (outside any transaction). */
    private Payment atGateway(String orderNumber, long ownerAccountId, Money amount) {
        PaymentGateway.Order order = gateway.createOrder(orderNumber, amount, Map.of("order_number", orderNumber));
        return new Payment(orderNumber, ownerAccountId, gateway.name(), order.id(), amount, clock.instant());
    }

    private static void requireStartable(String orderNumber, Money amount) {
        requireText(orderNumber, "payment.order-number-invalid", "orderNumber", MAX_ORDER_NUMBER);
        if (amount == null || amount.paise() < MINIMUM_PAISE) {
            throw BusinessRuleViolation.invalidField("payment.amount-too-small", "amount",
                    "A payment must be at least " + Money.ofPaise(MINIMUM_PAISE) + ".");
        }
    }

    /**
     * Confirms the fields Razorpay Checkout handed the browser after a payment. The signature is
     * checked against the gateway order id stored for the owner's payment, then the gateway is
     * asked whether that payment really took the full amount. Idempotent: confirming a captured
     * payment again returns it unchanged.
     *
     * @return the payment, captured
     * @throws BusinessRuleViolation {@code payment.not-found} (404) for a gateway order that is
     *         not the owner's; {@code payment.amount-mismatch}, {@code payment.not-captured} or
     *         {@code payment.already-paid} (409) when the gateway disagrees; nothing changes
     * @throws PaymentSignatureInvalid when the signature is not the gateway's; nothing changes
     * @throws PaymentGatewayUnavailable when the gateway cannot be asked; nothing changes
     */
    public PaymentSummary confirmCheckout(long ownerAccountId, String razorpayOrderId, String razorpayPaymentId,
            String signature) {
        Payment payment = ownedPayment(ownerAccountId, razorpayOrderId);
        if (!gateway.signatures().checkoutSignatureValid(payment.gatewayOrderId(), razorpayPaymentId, signature)) {
            throw new PaymentSignatureInvalid(PaymentSignatureInvalid.CHECKOUT,
                    "The payment signature does not match this order.");
        }
        if (payment.capturedAs(razorpayPaymentId)) {
            return payment.summary();
        }
        PaymentGateway.Payment attempt;
        try {
            attempt = gateway.payment(razorpayPaymentId);
        } catch (GatewayRefused unknown) {
            throw notCaptured();
        }
        if (!payment.gatewayOrderId().equals(attempt.orderId()) || !attempt.succeeded()) {
            throw notCaptured();
        }
        switch (settlement.captured(payment, attempt)) {
            case AMOUNT_MISMATCH -> throw BusinessRuleViolation.conflict("payment.amount-mismatch",
                    "The amount the gateway took differs from the order's amount; the payment was not accepted.");
            case SECOND_PAYMENT -> throw BusinessRuleViolation.conflict("payment.already-paid",
                    "This order was already paid with another payment.");
            case SETTLED -> {
                // this call captured it just now, so nothing else can have changed it yet: no need to read it again
                return payment.capturedNow(attempt.id()).summary();
            }
            default -> {
                return payments.findById(payment.id()).orElseThrow().summary();
            }
        }
    }

    /**
     * Refunds part or all of an order's captured payment. The idempotency key names the refund: a
     * retry with the same key (after a timeout, say) returns the same refund and never refunds
     * twice; it is also sent to Razorpay as {@code X-Refund-Idempotency}.
     *
     * @throws BusinessRuleViolation {@code payment.not-found}, {@code payment.not-refundable},
     *         {@code payment.refund-exceeds-captured}, {@code payment.idempotency-key-reused} or
     *         {@code payment.refund-refused}; nothing changes
     * @throws PaymentGatewayUnavailable when the gateway cannot be reached; the amount stays set
     *         aside and a retry with the same key (or the reconciliation) completes the refund
     */
    public RefundReceipt refund(String orderNumber, Money amount, String idempotencyKey) {
        requireText(idempotencyKey, "payment.idempotency-key-invalid", "idempotencyKey", MAX_IDEMPOTENCY_KEY);
        if (amount == null || amount.paise() <= 0) {
            throw BusinessRuleViolation.invalidField("payment.refund-amount-invalid", "amount",
                    "A refund must be of a positive amount.");
        }
        Refund refund;
        try {
            refund = settlement.requestRefund(orderNumber, amount, idempotencyKey);
        } catch (DataIntegrityViolationException raced) {
            refund = settlement.requestRefund(orderNumber, amount, idempotencyKey); // the racing request's refund
        }
        return complete(refund);
    }

    /** Asks the gateway for a refund set aside but not yet answered, with its own idempotency key. */
    RefundReceipt complete(Refund refund) {
        Payment payment = payments.findById(refund.paymentId()).orElseThrow();
        if (refund.status() != RefundStatus.REQUESTED) {
            return Settlement.receipt(payment, refund);
        }
        PaymentGateway.Refund accepted;
        try {
            accepted = gateway.refund(payment.gatewayPaymentId(), refund.amount(), refund.idempotencyKey());
        } catch (GatewayRefused refused) {
            settlement.refundRefused(payment.id(), refund.id());
            throw BusinessRuleViolation.conflict("payment.refund-refused",
                    "The payment gateway refused the refund: " + refused.getMessage());
        }
        return settlement.refundAccepted(payment.id(), refund.id(), accepted);
    }

    /** The payment of an order number, if it was started. */
    public Optional<PaymentSummary> paymentOf(String orderNumber) {
        return payments.findByOrderNumber(orderNumber).map(Payment::summary);
    }

    /**
     * What the browser's checkout needs to pay an order already started ({@link #start}), read only:
     * the gateway, its order, the public key id and the amount. Empty when the order number has no
     * payment of this account's.
     */
    public Optional<GatewayCheckout> checkoutOf(String orderNumber, long ownerAccountId) {
        return payments.findByOrderNumber(orderNumber).filter(payment -> payment.ownedBy(ownerAccountId))
                .map(payment -> payment.checkout(gateway.keyId()));
    }

    /** The owner's payment of a gateway order; someone else's is not found, as if it did not exist. */
    Payment ownedPayment(long ownerAccountId, String gatewayOrderId) {
        if (gatewayOrderId == null || gatewayOrderId.isBlank()) {
            throw notFound();
        }
        return payments.findByGatewayOrderId(gatewayOrderId).filter(p -> p.ownedBy(ownerAccountId))
                .orElseThrow(Payments::notFound);
    }

    private GatewayCheckout checkoutOf(Payment payment, long ownerAccountId, Money amount) {
        if (!payment.startedAs(ownerAccountId, amount)) {
            throw BusinessRuleViolation.conflict("payment.already-started",
                    "A payment for this order number was started for another account or amount.");
        }
        return payment.checkout(gateway.keyId());
    }

    static BusinessRuleViolation notFound() {
        return BusinessRuleViolation.notFound("payment.not-found", "There is no such payment.");
    }

    private static BusinessRuleViolation notCaptured() {
        return BusinessRuleViolation.conflict("payment.not-captured",
                "The payment gateway does not report this payment as successful for this order.");
    }

    private static void requireText(String value, String code, String field, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw BusinessRuleViolation.invalidField(code, field, "must be 1 to " + maxLength + " characters");
        }
    }
}
