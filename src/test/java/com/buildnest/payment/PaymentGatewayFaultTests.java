package com.buildnest.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.AtOnce;
import com.buildnest.testing.BuildNestTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A payment gateway that is slow, fails and delivers its webhooks twice and out of order, met by
 * a real order (placed over the API, its stock reserved): the money is taken once, the order is paid
 * once, its stock leaves the shelf once, and the reconciliation leaves no order waiting. The
 * gateway's answers come from the Razorpay fake (WireMock) the reconciliation is pointed at; its
 * webhooks are signed with the shared context's gateway secrets and posted over HTTP.
 */
@BuildNestTest
class PaymentGatewayFaultTests {

    static final RazorpayFake razorpay = new RazorpayFake();
    static final String WEBHOOK = "/api/webhooks/razorpay";

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payments payments;

    @Autowired
    PaymentRepository repository;

    @Autowired
    RefundRepository refunds;

    @Autowired
    Settlement settlement;

    @Autowired
    PaymentGateway gateway;

    @Autowired
    Clock clock;

    @Autowired
    ConfigurableApplicationContext context;

    PurchaseFixtures shop;
    PaymentEvents events;
    String sku;
    String orderNumber;
    PaymentSummary payment;
    String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void anOrderAwaitingPayment() {
        razorpay.server.resetAll();
        events = PaymentEvents.recordIn(context);
        shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
        Buyer buyer = shop.buyer("Karnataka", "560001");
        long product = shop.product(20);
        sku = shop.skuOf(product);
        orderNumber = shop.placedOrder(buyer, product, 3);
        payment = payments.paymentOf(orderNumber).orElseThrow();
        assertThat(stock()).containsExactly(20L, 3L);
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    @AfterAll
    static void stop() {
        razorpay.close();
    }

    @Test
    void aPaymentWhoseCallbacksWereLostIsCapturedOnceTheFailingAndSlowGatewayAnswers() {
        String paymentsOfOrder = "/v1/orders/" + payment.gatewayOrderId() + "/payments";
        razorpay.server.stubFor(get(urlEqualTo(paymentsOfOrder)).willReturn(RazorpayFake.serverError()));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        reconciliationAt(Duration.ofMinutes(20), meters).reconcile();
        assertStillAwaitingPayment();
        assertThat(meters.counter("buildnest.payment.reconciliations", "outcome", "gateway-unavailable").count())
                .isGreaterThanOrEqualTo(1);

        razorpay.server.stubFor(get(urlEqualTo(paymentsOfOrder)).willReturn(aResponse().withFixedDelay(4_000)
                .withHeader("Content-Type", "application/json").withBody("{\"entity\": \"collection\", \"items\": []}")));
        reconciliationAt(Duration.ofMinutes(20), meters).reconcile(); // the read times out after 2 s
        assertStillAwaitingPayment();

        razorpay.hasPaymentsOfOrder(payment.gatewayOrderId(), capturedAttempt(paid("Lost")));
        reconciliationAt(Duration.ofMinutes(20), meters).reconcile();
        reconciliationAt(Duration.ofMinutes(25), meters).reconcile(); // a second replica, or the next run
        Response redelivered = postWebhook(event("payment.captured", capturedAttempt(paid("Lost"))), "evt_" + UUID.randomUUID());

        assertThat(redelivered.json().get("outcome").asString()).isEqualTo("already-settled");
        assertPaidOnceBy(paid("Lost"));
    }

    @Test
    void webhooksDeliveredManyTimesAtOnceAndOutOfOrderPayTheOrderOnceAndTakeItsStockOnce() throws Exception {
        byte[] declined = event("payment.failed", attempt(paid("Declined"), "failed"));
        byte[] captured = event("payment.captured", capturedAttempt(paid("Twice")));
        assertThat(postWebhook(declined, "evt_" + UUID.randomUUID()).json().get("outcome").asString())
                .isEqualTo("settled");
        assertThat(orderStatus()).isEqualTo("PAYMENT_FAILED");

        String redeliveredId = "evt_" + UUID.randomUUID();
        List<Callable<String>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String eventId = i % 2 == 0 ? redeliveredId : "evt_" + UUID.randomUUID(); // Razorpay's retries, and copies
            deliveries.add(() -> {
                Response delivered = postWebhook(captured, eventId);
                return delivered.status() + " " + delivered.json().get("outcome").asString();
            });
        }
        List<String> outcomes = AtOnce.run(deliveries);
        Response lateFailure = postWebhook(declined, "evt_" + UUID.randomUUID());
        Response secondCapture = postWebhook(event("payment.captured", capturedAttempt(paid("Again"))),
                "evt_" + UUID.randomUUID());

        assertThat(outcomes).filteredOn("200 settled"::equals).hasSize(1);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isIn("200 settled", "200 already-settled",
                "200 duplicate"));
        assertThat(lateFailure.json().get("outcome").asString()).isEqualTo("already-settled");
        assertThat(secondCapture.json().get("outcome").asString()).isEqualTo("second-payment");
        assertPaidOnceBy(paid("Twice"));
    }

    @Test
    void anOrderTheGatewayNeverSawPaidIsFailedByReconciliationAndALateCaptureStillPaysItOnce() {
        razorpay.hasPaymentsOfOrder(payment.gatewayOrderId());

        reconciliationAt(Duration.ofMinutes(20), new SimpleMeterRegistry()).reconcile();
        assertStillAwaitingPayment();
        reconciliationAt(Duration.ofMinutes(61), new SimpleMeterRegistry()).reconcile();

        assertThat(payments.paymentOf(orderNumber).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(orderStatus()).isEqualTo("PAYMENT_FAILED");
        assertThat(stock()).as("still held: the customer may pay on a second attempt").containsExactly(20L, 3L);

        razorpay.hasPaymentsOfOrder(payment.gatewayOrderId(), capturedAttempt(paid("Second")));
        // a failed payment is asked about again for an hour after it failed (the clock of the failure is the real one)
        reconciliationAt(Duration.ofMinutes(20), new SimpleMeterRegistry()).reconcile();

        assertPaidOnceBy(paid("Second"));
        assertThat(events.failedOf(orderNumber)).hasSize(1);
    }

    private void assertStillAwaitingPayment() {
        assertThat(payments.paymentOf(orderNumber).orElseThrow().status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(orderStatus()).isEqualTo("PENDING_PAYMENT");
        assertThat(stock()).containsExactly(20L, 3L);
        assertThat(events.capturedOf(orderNumber)).isEmpty();
    }

    private void assertPaidOnceBy(String paymentId) {
        PaymentSummary settled = payments.paymentOf(orderNumber).orElseThrow();
        assertThat(settled.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(settled.gatewayPaymentId()).isEqualTo(paymentId);
        assertThat(events.capturedOf(orderNumber)).singleElement()
                .satisfies(captured -> assertThat(captured.paymentId()).isEqualTo(paymentId));
        assertThat(orderStatus()).isEqualTo("PAID");
        assertThat(jdbc.sql("""
                select count(*) from ordering_status_change c join ordering_order o on o.id = c.order_id
                where o.order_number = ? and c.to_status = 'PAID'""").param(orderNumber).query(Long.class).single())
                .isEqualTo(1);
        assertThat(stock()).as("sold once: on hand and reserved").containsExactly(17L, 0L);
        assertThat(jdbc.sql("select count(*) from inventory_movement where reference = ? and kind = 'SALE'")
                .param(orderNumber).query(Long.class).single()).isEqualTo(1);
    }

    private PaymentReconciliation reconciliationAt(Duration later, SimpleMeterRegistry meters) {
        return razorpay.reconciliation(repository, refunds, settlement, clock, later, meters);
    }

    private List<Long> stock() {
        return jdbc.sql("select on_hand, reserved from inventory_stock where sku = ?").param(sku)
                .query((row, n) -> List.of(row.getLong(1), row.getLong(2))).single();
    }

    private String orderStatus() {
        return jdbc.sql("select status from ordering_order where order_number = ?").param(orderNumber)
                .query(String.class).single();
    }

    /** A gateway payment id of this test's own: ids are unique across the shared database, as at Razorpay. */
    private String paid(String name) {
        return "pay_" + name + run;
    }

    private String capturedAttempt(String paymentId) {
        return attempt(paymentId, "captured");
    }

    private String attempt(String paymentId, String status) {
        return RazorpayFake.payment(paymentId, payment.gatewayOrderId(), payment.amount().paise(), status);
    }

    private static byte[] event(String type, String paymentEntity) {
        return ("{\"entity\":\"event\",\"account_id\":\"acc_Test\",\"event\":\"" + type
                + "\",\"contains\":[\"payment\"],\"payload\":{\"payment\":{\"entity\":" + paymentEntity.replaceAll("\\s+", "")
                + "}},\"created_at\":1764100000}").getBytes(StandardCharsets.UTF_8);
    }

    private Response postWebhook(byte[] body, String eventId) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json",
                "X-Razorpay-Event-Id", eventId));
        headers.put("X-Razorpay-Signature", ((SimulatedGateway) gateway).signatures().signWebhook(body));
        return api.send("POST", WEBHOOK, headers, HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
