package com.buildnest.payment;

import org.springframework.stereotype.Service;

import com.buildnest.shared.BusinessRuleViolation;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The simulated gateway's checkout page, as an API: the owner of a payment pays (or fails to pay)
 * it and gets back what Razorpay Checkout hands the browser; the gateway's webhook follows. Absent
 * (404) unless the simulated gateway is the active one.
 */
@Service
public class SimulatedCheckout {

    private final Payments payments;
    private final PaymentGateway gateway;

    SimulatedCheckout(Payments payments, PaymentGateway gateway) {
        this.payments = payments;
        this.gateway = gateway;
    }

    public BrowserCallback pay(long ownerAccountId, String gatewayOrderId, boolean success) {
        if (!(gateway instanceof SimulatedGateway simulated)) {
            throw Payments.notFound();
        }
        Payment payment = payments.ownedPayment(ownerAccountId, gatewayOrderId);
        if (payment.status() != PaymentStatus.CREATED && payment.status() != PaymentStatus.FAILED) {
            throw BusinessRuleViolation.conflict("payment.already-paid", "This order is already paid.");
        }
        PaymentGateway.Payment attempt;
        try {
            attempt = simulated.attempt(payment.gatewayOrderId(), success);
        } catch (GatewayRefused forgotten) {
            // The simulated gateway keeps its orders in memory: a restart forgets them.
            throw BusinessRuleViolation.conflict("payment.gateway-order-expired",
                    "The simulated gateway no longer knows this order (it was restarted); start the checkout again.");
        }
        simulated.deliverWebhook(attempt);
        return success
                ? new BrowserCallback(attempt.orderId(), attempt.id(),
                        simulated.signatures().signCheckout(attempt.orderId(), attempt.id()), null)
                : new BrowserCallback(null, null, null, new BrowserCallback.Error("BAD_REQUEST_ERROR",
                        attempt.errorDescription(), "customer", "payment_authorization", "payment_failed",
                        new BrowserCallback.Metadata(attempt.orderId(), attempt.id())));
    }

    /**
     * The fields Razorpay Checkout hands the browser: on success the three signed fields that
     * {@code POST /api/payments/razorpay/verify} takes, on failure Razorpay's {@code error} object.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BrowserCallback(@JsonProperty("razorpay_order_id") String orderId,
            @JsonProperty("razorpay_payment_id") String paymentId,
            @JsonProperty("razorpay_signature") String signature, Error error) {

        public record Error(String code, String description, String source, String step, String reason,
                Metadata metadata) {
        }

        public record Metadata(@JsonProperty("order_id") String orderId, @JsonProperty("payment_id") String paymentId) {
        }
    }
}
