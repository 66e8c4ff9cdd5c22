package com.buildnest.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.buildnest.shared.Money;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The seam to whoever moves the money: Razorpay's REST API ({@link RazorpayClient}) or the
 * simulated gateway of the embedded default ({@link SimulatedGateway}), which answers the same
 * calls with the same shapes. Reads may be retried; creating an order is not, and a refund is
 * made idempotent by its key.
 *
 * @see <a href="https://razorpay.com/docs/api/">Razorpay API</a>
 */
interface PaymentGateway {

    PaymentProperties.Gateway name();

    /** The public key id the browser's checkout needs. */
    String keyId();

    /** Checks (and, for the simulated gateway, makes) Razorpay's signatures. */
    RazorpaySignatures signatures();

    /**
     * Takes up rotated credentials (read from the mounted secret files): the key id and secret for
     * every later API call, and both secrets for signatures, the replaced ones still verifying for
     * {@code grace}. A null {@code keyId} keeps the current one.
     */
    void rotate(String keyId, String keySecret, String webhookSecret, Duration grace, Clock clock);

    /**
     * Creates a gateway order for an amount in INR.
     *
     * @throws PaymentGatewayUnavailable on a timeout, a 5xx or a refused credential
     */
    Order createOrder(String receipt, Money amount, Map<String, String> notes);

    /**
     * One payment attempt.
     *
     * @throws GatewayRefused when the gateway knows no such payment
     */
    Payment payment(String paymentId);

    /** Every payment attempt made on a gateway order, oldest first. */
    List<Payment> paymentsOf(String gatewayOrderId);

    /**
     * Refunds part or all of a captured payment. The same idempotency key always names the same
     * refund, so a retry after a timeout cannot refund twice.
     *
     * @throws GatewayRefused when the gateway refuses the refund (more than captured, say)
     */
    Refund refund(String paymentId, Money amount, String idempotencyKey);

    /** A Razorpay order, as {@code POST /v1/orders} answers it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(String id, long amount, String currency, String receipt, String status) {
    }

    /** A Razorpay payment entity, as the API and the webhooks carry it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(String id, @JsonProperty("order_id") String orderId, long amount, String currency, String status,
            @JsonProperty("error_description") String errorDescription) {

        /** Captured, or authorized on an account that captures automatically. */
        boolean succeeded() {
            return "captured".equals(status) || "authorized".equals(status);
        }

        boolean charges(long amountPaise, String expectedCurrency) {
            return amount == amountPaise && expectedCurrency.equals(currency);
        }

        String failureReason() {
            return errorDescription != null && !errorDescription.isBlank() ? errorDescription : "payment " + status;
        }
    }

    /** A Razorpay refund entity. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refund(String id, @JsonProperty("payment_id") String paymentId, long amount, String currency,
            String status) {

        boolean processed() {
            return "processed".equals(status);
        }
    }

    /** A page of Razorpay entities. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Collection<T>(List<T> items) {
    }
}
