package com.buildnest.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A local HTTP fake of Razorpay's API (WireMock), never the real one, with the account's test
 * credentials and helpers that answer as Razorpay does.
 */
final class RazorpayFake implements AutoCloseable {

    static final String KEY_ID = "rzp_test_Fake01";
    static final String KEY_SECRET = "q8W2nX5vL0pR7tY3mK9cJ4hB";
    static final String WEBHOOK_SECRET = "Wh-7Yd2Kp9Lm4Qs8Vb3Nx6Rt";

    // HTTP/2 over plain text off: the JDK client's h2c attempt is answered with RST_STREAM otherwise (TOOLCHAIN.md).
    final WireMockServer server = new WireMockServer(options().dynamicPort().http2PlainDisabled(true));

    RazorpayFake() {
        server.start();
    }

    PaymentProperties.Razorpay settings(Duration readTimeout, int fetchAttempts) {
        return new PaymentProperties.Razorpay(KEY_ID, KEY_SECRET, WEBHOOK_SECRET, false, server.baseUrl(),
                Duration.ofSeconds(2), readTimeout, fetchAttempts);
    }

    RazorpayClient client() {
        return new RazorpayClient(settings(Duration.ofSeconds(2), 3));
    }

    void createsOrder(String orderId, long amountPaise) {
        server.stubFor(post(urlEqualTo("/v1/orders")).willReturn(okJson("""
                {"id": "%s", "entity": "order", "amount": %d, "amount_paid": 0, "currency": "INR",
                 "receipt": "r", "status": "created", "attempts": 0, "notes": {}, "created_at": 1764100000}
                """.formatted(orderId, amountPaise))));
    }

    void hasPayment(String paymentId, String orderId, long amountPaise, String status) {
        server.stubFor(get(urlEqualTo("/v1/payments/" + paymentId)).willReturn(okJson(payment(paymentId, orderId,
                amountPaise, status))));
    }

    void hasPaymentsOfOrder(String orderId, String... payments) {
        server.stubFor(get(urlEqualTo("/v1/orders/" + orderId + "/payments")).willReturn(okJson(
                "{\"entity\": \"collection\", \"count\": %d, \"items\": [%s]}".formatted(payments.length,
                        String.join(",", payments)))));
    }

    void refunds(String paymentId, String refundId, long amountPaise) {
        server.stubFor(post(urlEqualTo("/v1/payments/" + paymentId + "/refund")).willReturn(okJson("""
                {"id": "%s", "entity": "refund", "amount": %d, "currency": "INR", "payment_id": "%s",
                 "status": "processed", "speed_processed": "normal", "created_at": 1764100000}
                """.formatted(refundId, amountPaise, paymentId))));
    }

    static String payment(String paymentId, String orderId, long amountPaise, String status) {
        return """
                {"id": "%s", "entity": "payment", "amount": %d, "currency": "INR", "status": "%s",
                 "order_id": "%s", "method": "upi", "captured": %s, "email": "c@example.test",
                 "error_description": %s, "created_at": 1764100000}
                """.formatted(paymentId, amountPaise, status, orderId, "captured".equals(status),
                "failed".equals(status) ? "\"Payment was declined by the bank\"" : "null");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder serverError() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"SERVER_ERROR\", \"description\": \"The server encountered an error\"}}");
    }

    /**
     * A reconciliation run that asks this fake, with the module's own repositories and settlement, at a
     * clock moved {@code later}. Orders of other tests are not this fake's: it answers 500 for them, and
     * they are skipped.
     */
    PaymentReconciliation reconciliation(PaymentRepository payments, RefundRepository refunds, Settlement settlement,
            Clock clock, Duration later, MeterRegistry meters) {
        server.stubFor(get(urlPathMatching("/v1/orders/.*/payments")).atPriority(10).willReturn(serverError()));
        PaymentProperties properties = new PaymentProperties(PaymentProperties.Gateway.RAZORPAY,
                settings(Duration.ofSeconds(2), 1), new PaymentProperties.Simulated(null, null, null, false),
                new PaymentProperties.Reconciliation(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofMinutes(5),
                        1000));
        RazorpayClient client = new RazorpayClient(properties.razorpay());
        return new PaymentReconciliation(payments, refunds, new Payments(payments, settlement, client, clock),
                settlement, client, properties, meters, Clock.offset(clock, later));
    }

    @Override
    public void close() {
        server.stop();
    }
}
