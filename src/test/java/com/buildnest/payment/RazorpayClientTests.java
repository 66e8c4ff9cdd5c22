package com.buildnest.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.buildnest.shared.Money;

class RazorpayClientTests {

    static final RazorpayFake razorpay = new RazorpayFake();

    final RazorpayClient client = razorpay.client();

    @BeforeEach
    void reset() {
        razorpay.server.resetAll();
    }

    @AfterAll
    static void stop() {
        razorpay.close();
    }

    @Test
    void createsAnOrderInPaiseWithBasicAuthAndTheOrderNumberAsReceipt() {
        razorpay.createsOrder("order_Abc123Def456Gh", 125_050);

        PaymentGateway.Order order = client.createOrder("BN-2026-000123", Money.ofPaise(125_050),
                Map.of("order_number", "BN-2026-000123"));

        assertThat(order.id()).isEqualTo("order_Abc123Def456Gh");
        assertThat(order.amount()).isEqualTo(125_050);
        String basic = Base64.getEncoder().encodeToString((RazorpayFake.KEY_ID + ":" + RazorpayFake.KEY_SECRET)
                .getBytes());
        razorpay.server.verify(1, postRequestedFor(urlEqualTo("/v1/orders"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(equalToJson("""
                        {"amount": 125050, "currency": "INR", "receipt": "BN-2026-000123",
                         "notes": {"order_number": "BN-2026-000123"}}""")));
    }

    @Test
    void creatingAnOrderIsNeverRetriedSoAFailureCannotCreateTwo() {
        razorpay.server.stubFor(post(urlEqualTo("/v1/orders")).willReturn(RazorpayFake.serverError()));

        assertThatThrownBy(() -> client.createOrder("BN-1", Money.ofPaise(10_000), Map.of()))
                .isInstanceOf(PaymentGatewayUnavailable.class);
        razorpay.server.verify(1, postRequestedFor(urlEqualTo("/v1/orders")));
    }

    @Test
    void fetchesAPaymentAndItsOrdersPayments() {
        razorpay.hasPayment("pay_1", "order_1", 5_000, "captured");
        razorpay.hasPaymentsOfOrder("order_1", RazorpayFake.payment("pay_0", "order_1", 5_000, "failed"),
                RazorpayFake.payment("pay_1", "order_1", 5_000, "captured"));

        PaymentGateway.Payment payment = client.payment("pay_1");

        assertThat(payment).isEqualTo(new PaymentGateway.Payment("pay_1", "order_1", 5_000, "INR", "captured", null));
        assertThat(client.paymentsOf("order_1")).extracting(PaymentGateway.Payment::id, PaymentGateway.Payment::status,
                PaymentGateway.Payment::errorDescription).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pay_0", "failed", "Payment was declined by the bank"),
                        org.assertj.core.groups.Tuple.tuple("pay_1", "captured", null));
    }

    @Test
    void aReadThatKeepsFailingWithServerErrorsIsRetriedThenUnavailable() {
        razorpay.server.stubFor(get(urlEqualTo("/v1/payments/pay_1")).willReturn(RazorpayFake.serverError()));

        assertThatThrownBy(() -> client.payment("pay_1")).isInstanceOf(PaymentGatewayUnavailable.class)
                .hasMessage("The payment gateway answered with an error.");
        razorpay.server.verify(3, getRequestedFor(urlEqualTo("/v1/payments/pay_1")));
    }

    @Test
    void aReadThatTimesOutIsUnavailable() {
        RazorpayClient impatient = new RazorpayClient(razorpay.settings(Duration.ofMillis(200), 2));
        razorpay.server.stubFor(get(urlEqualTo("/v1/payments/pay_slow")).willReturn(okJsonAfter(1_500,
                RazorpayFake.payment("pay_slow", "order_1", 100, "captured"))));

        assertThatThrownBy(() -> impatient.payment("pay_slow")).isInstanceOf(PaymentGatewayUnavailable.class)
                .hasMessage("The payment gateway did not answer in time.");
        razorpay.server.verify(2, getRequestedFor(urlEqualTo("/v1/payments/pay_slow")));
    }

    @Test
    void aRefundCarriesItsIdempotencyKeyAndAmount() {
        razorpay.refunds("pay_1", "rfnd_1", 2_500);

        PaymentGateway.Refund refund = client.refund("pay_1", Money.ofPaise(2_500), "BN-1:cancel");

        assertThat(refund).isEqualTo(new PaymentGateway.Refund("rfnd_1", "pay_1", 2_500, "INR", "processed"));
        razorpay.server.verify(1, postRequestedFor(urlEqualTo("/v1/payments/pay_1/refund"))
                .withHeader("X-Refund-Idempotency", equalTo("BN-1:cancel"))
                .withRequestBody(equalToJson("{\"amount\": 2500}")));
    }

    @Test
    void aRefusedRefundCarriesRazorpaysReasonAndIsNotRetried() {
        razorpay.server.stubFor(post(urlEqualTo("/v1/payments/pay_1/refund")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": "BAD_REQUEST_ERROR",
                         "description": "The total refund amount is greater than the refund payment amount"}}""")));

        assertThatThrownBy(() -> client.refund("pay_1", Money.ofPaise(99_999), "k"))
                .isInstanceOf(GatewayRefused.class)
                .hasMessage("The total refund amount is greater than the refund payment amount");
        razorpay.server.verify(1, postRequestedFor(urlEqualTo("/v1/payments/pay_1/refund")));
    }

    @Test
    void refusedCredentialsMakeTheGatewayUnavailableWithoutShowingTheSecret() {
        razorpay.server.stubFor(get(urlEqualTo("/v1/payments/pay_1")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\": {\"code\": \"BAD_REQUEST_ERROR\", \"description\": \"Authentication failed\"}}")));

        assertThatThrownBy(() -> client.payment("pay_1")).isInstanceOf(PaymentGatewayUnavailable.class)
                .message().doesNotContain(RazorpayFake.KEY_SECRET);
        assertThat(razorpay.settings(Duration.ofSeconds(1), 1).toString())
                .doesNotContain(RazorpayFake.KEY_SECRET, RazorpayFake.WEBHOOK_SECRET);
    }

    @Test
    void refusesToStartWithoutCredentials() {
        assertThatThrownBy(() -> new RazorpayClient(new PaymentProperties.Razorpay("rzp_test_x", null, null, false,
                "https://api.razorpay.com", Duration.ofSeconds(1), Duration.ofSeconds(1), 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key-id, key-secret or webhook-secret");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJsonAfter(int millis,
            String body) {
        return aResponse().withFixedDelay(millis).withHeader("Content-Type", "application/json").withBody(body);
    }
}
