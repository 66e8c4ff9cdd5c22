package com.buildnest.payment;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;
import com.buildnest.testing.StatementCounter.Counted;

import tools.jackson.databind.JsonNode;

/**
 * The whole payment flow on the embedded default's simulated gateway, over real HTTP: the owner
 * pays in the simulated checkout, the browser fields verify, the gateway's signed webhook arrives
 * at {@code /api/webhooks/razorpay}; and the webhook endpoint's defences against forged, repeated,
 * late and tampered events.
 */
@BuildNestTest
class SimulatedPaymentFlowTests {

    static final Money AMOUNT = Money.ofRupees("4999.00");
    static final String WEBHOOK = "/api/webhooks/razorpay";

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Payments payments;

    @Autowired
    PaymentGateway gateway;

    @Autowired
    RazorpayWebhooks webhooks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    PaymentEvents events;
    long owner;
    String orderNumber;
    String gatewayOrderId;

    @BeforeEach
    void aStartedPayment() {
        events = PaymentEvents.recordIn(context);
        owner = tokens.newCustomer();
        orderNumber = "BN-" + UUID.randomUUID();
        GatewayCheckout checkout = payments.start(orderNumber, owner, AMOUNT);
        gatewayOrderId = checkout.gatewayOrderId();
        assertThat(checkout.gateway()).isEqualTo(PaymentProperties.Gateway.SIMULATED);
        assertThat(checkout.keyId()).isEqualTo(SimulatedGateway.KEY_ID);
        assertThat(gatewayOrderId).matches("order_[A-Za-z0-9]{14}");
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    @Test
    void aSimulatedPaymentVerifiesAndItsWebhookArrives() {
        Response paid = pay(owner, "success");

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        JsonNode fields = paid.json();
        assertThat(fields.get("razorpay_order_id").asString()).isEqualTo(gatewayOrderId);
        assertThat(fields.get("razorpay_payment_id").asString()).matches("pay_[A-Za-z0-9]{14}");
        eventually(() -> status() == PaymentStatus.CAPTURED); // the webhook, on its own

        PaymentSummary confirmed = payments.confirmCheckout(owner, fields.get("razorpay_order_id").asString(),
                fields.get("razorpay_payment_id").asString(), fields.get("razorpay_signature").asString());

        assertThat(confirmed.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(confirmed.gatewayPaymentId()).isEqualTo(fields.get("razorpay_payment_id").asString());
        assertThat(events.capturedOf(orderNumber)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(AMOUNT));
    }

    @Test
    void aFailedSimulatedPaymentAnswersRazorpaysErrorAndItsWebhookFailsThePayment() {
        Response failed = pay(owner, "failure");

        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        JsonNode error = failed.json().get("error");
        assertThat(error.get("reason").asString()).isEqualTo("payment_failed");
        assertThat(error.get("metadata").get("order_id").asString()).isEqualTo(gatewayOrderId);
        assertThat(failed.json().has("razorpay_signature")).isFalse();
        eventually(() -> status() == PaymentStatus.FAILED);
        assertThat(events.failedOf(orderNumber)).singleElement().satisfies(e -> assertThat(e.reason())
                .contains("declined"));

        Response retried = pay(owner, "success");
        assertThat(retried.status()).as("the customer may try again").isEqualTo(200);
        eventually(() -> status() == PaymentStatus.CAPTURED);
        assertThat(events.capturedOf(orderNumber)).hasSize(1);
    }

    @Test
    void someoneElsesGatewayOrderCannotBePaidInTheSimulatedCheckout() {
        long someoneElse = tokens.newCustomer();

        assertProblem(pay(someoneElse, "success"), 404, "payment.not-found");
        assertProblem(api.postJson("/api/payments/simulated/order_NoSuchOrder123/pay", "{\"outcome\": \"success\"}",
                tokens.validFor(owner, Role.CUSTOMER)), 404, "payment.not-found");
        assertProblem(pay(owner, "maybe"), 400, "request.invalid");
        assertThat(status()).isEqualTo(PaymentStatus.CREATED);
    }

    @Test
    void aRedeliveredWebhookHasNoSecondEffect() {
        byte[] captured = event("payment.captured", paymentEntity("pay_Redelivered001", AMOUNT.paise(), "captured"));
        String eventId = "evt_" + UUID.randomUUID();

        Response first = postWebhook(captured, signature(captured), eventId);
        Response again = postWebhook(captured, signature(captured), eventId);

        assertThat(first.json().get("outcome").asString()).isEqualTo("settled");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("duplicate");
        assertThat(events.capturedOf(orderNumber)).hasSize(1);
        assertThat(jdbc.sql("select outcome from payment_webhook_inbox where event_id = ?").param(eventId)
                .query(String.class).list()).containsExactly("settled");
    }

    @Test
    void aForgedWebhookIsRefusedAndLeavesNoTrace() {
        byte[] captured = event("payment.captured", paymentEntity("pay_Forged0000001", AMOUNT.paise(), "captured"));
        String eventId = "evt_" + UUID.randomUUID();
        String forged = new RazorpaySignatures("k", "not-the-webhook-secret").signWebhook(captured);

        assertProblem(postWebhook(captured, forged, eventId), 400, "payment.webhook-signature-invalid");
        assertProblem(postWebhook(captured, null, eventId), 400, "payment.webhook-signature-invalid");
        byte[] tampered = new String(captured, StandardCharsets.UTF_8).replace("\"amount\":" + AMOUNT.paise(),
                "\"amount\":100").getBytes(StandardCharsets.UTF_8);
        assertProblem(postWebhook(tampered, signature(captured), eventId), 400, "payment.webhook-signature-invalid");

        assertThat(jdbc.sql("select count(*) from payment_webhook_inbox where event_id = ?").param(eventId)
                .query(Long.class).single()).isZero();
        assertThat(status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(events.capturedOf(orderNumber)).isEmpty();
    }

    @Test
    void aFailureArrivingAfterTheCaptureNeverUndoesIt() {
        byte[] captured = event("payment.captured", paymentEntity("pay_InOrder000001", AMOUNT.paise(), "captured"));
        byte[] lateFailure = event("payment.failed", paymentEntity("pay_Earlier000001", AMOUNT.paise(), "failed"));

        postWebhook(captured, signature(captured), "evt_" + UUID.randomUUID());
        Response late = postWebhook(lateFailure, signature(lateFailure), "evt_" + UUID.randomUUID());

        assertThat(late.json().get("outcome").asString()).isEqualTo("already-settled");
        assertThat(status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(events.capturedOf(orderNumber)).hasSize(1);
        assertThat(events.failedOf(orderNumber)).isEmpty();
    }

    @Test
    void aCaptureForAnotherAmountIsRecordedButNotAccepted() {
        byte[] tampered = event("payment.captured", paymentEntity("pay_Cheaper000001", 100, "captured"));
        String eventId = "evt_" + UUID.randomUUID();

        Response response = postWebhook(tampered, signature(tampered), eventId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("outcome").asString()).isEqualTo("amount-mismatch");
        assertThat(status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(events.capturedOf(orderNumber)).isEmpty();
    }

    @Test
    void eventsOfOtherKindsAreRecordedAndIgnored() {
        byte[] other = "{\"entity\":\"event\",\"event\":\"order.notified\",\"payload\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        String eventId = "evt_" + UUID.randomUUID();

        Response response = postWebhook(other, signature(other), eventId);

        assertThat(response.json().get("outcome").asString()).isEqualTo("ignored");
        assertThat(jdbc.sql("select event_type from payment_webhook_inbox where event_id = ?").param(eventId)
                .query(String.class).single()).isEqualTo("order.notified");
    }

    @Test
    void aWebhookWithoutAnEventIdIsMalformed() {
        byte[] captured = event("payment.captured", paymentEntity("pay_NoEventId0001", AMOUNT.paise(), "captured"));

        assertProblem(postWebhook(captured, signature(captured), null), 400, "payment.webhook-malformed");
        assertThat(status()).isEqualTo(PaymentStatus.CREATED);
    }

    @Test
    void aRefundMadeInTheDashboardArrivesByWebhookAndIsAnnouncedOnce() {
        byte[] captured = event("payment.captured", paymentEntity("pay_Dashboard0001", AMOUNT.paise(), "captured"));
        postWebhook(captured, signature(captured), "evt_" + UUID.randomUUID());
        byte[] created = refundEvent("refund.created", "rfnd_Dashboard0001", "pay_Dashboard0001", 100_000, "pending");
        byte[] processed = refundEvent("refund.processed", "rfnd_Dashboard0001", "pay_Dashboard0001", 100_000,
                "processed");

        List<String> outcomes = List.of(created, processed, processed).stream()
                .map(body -> postWebhook(body, signature(body), "evt_" + UUID.randomUUID()).json().get("outcome")
                        .asString())
                .toList();

        assertThat(outcomes).containsExactly("settled", "settled", "already-settled");
        assertThat(events.refundedOf(orderNumber)).singleElement().satisfies(e -> {
            assertThat(e.refundId()).isEqualTo("rfnd_Dashboard0001");
            assertThat(e.amount()).isEqualTo(Money.ofPaise(100_000));
            assertThat(e.full()).isFalse();
        });
        PaymentSummary payment = payments.paymentOf(orderNumber).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payment.refunded()).isEqualTo(Money.ofPaise(100_000));
    }

    @Test
    void aPendingRefundTheBankFailsFreesItsAmountAgain() {
        byte[] captured = event("payment.captured", paymentEntity("pay_BankFails0001", AMOUNT.paise(), "captured"));
        postWebhook(captured, signature(captured), "evt_" + UUID.randomUUID());
        byte[] pending = refundEvent("refund.created", "rfnd_BankFails0001", "pay_BankFails0001", AMOUNT.paise(),
                "pending");
        postWebhook(pending, signature(pending), "evt_" + UUID.randomUUID());
        assertThat(status()).isEqualTo(PaymentStatus.REFUNDED);
        byte[] failed = refundEvent("refund.failed", "rfnd_BankFails0001", "pay_BankFails0001", AMOUNT.paise(),
                "failed");

        Response response = postWebhook(failed, signature(failed), "evt_" + UUID.randomUUID());

        assertThat(response.json().get("outcome").asString()).isEqualTo("settled");
        PaymentSummary payment = payments.paymentOf(orderNumber).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.refunded()).isEqualTo(Money.ZERO);
        assertThat(events.refundedOf(orderNumber)).hasSize(1);
    }

    @Test
    void theBrowserCapturesInThreeStatementsAndTheWebhookAfterItOnlyReadsThePayment() {
        PaymentGateway.Payment attempt = simulated().attempt(gatewayOrderId, true); // no webhook on its way
        String checkoutSignature = simulated().signatures().signCheckout(gatewayOrderId, attempt.id());

        Counted<PaymentSummary> confirmed = StatementCounter.counted(() -> payments.confirmCheckout(owner,
                gatewayOrderId, attempt.id(), checkoutSignature));

        assertThat(confirmed.result()).isEqualTo(new PaymentSummary(orderNumber, PaymentProperties.Gateway.SIMULATED,
                gatewayOrderId, attempt.id(), AMOUNT, Money.ZERO, PaymentStatus.CAPTURED));
        assertThat(confirmed.result()).isEqualTo(payments.paymentOf(orderNumber).orElseThrow()); // as stored
        // The owner's payment read, its conditional capture, and ordering's look for an order of that
        // number (none here). It took five when the capture read the payment again and the answer a third time.
        assertThat(confirmed.statements()).as(String.join("\n", confirmed.statements())).hasSize(3);

        byte[] captured = event("payment.captured", paymentEntity(attempt.id(), AMOUNT.paise(), "captured"));
        String eventId = "evt_" + UUID.randomUUID();
        Counted<String> delivered = StatementCounter.counted(() -> webhooks.receive(captured, signature(captured),
                eventId));

        assertThat(delivered.result()).isEqualTo("already-settled");
        // The payment read, found captured as this attempt, outside any transaction: no update that changes
        // nothing, no row lock (the inbox row, one insert through JDBC, is left out of this count)
        assertThat(delivered.statements()).as(String.join("\n", delivered.statements())).hasSize(1);
        assertThat(jdbc.sql("select outcome from payment_webhook_inbox where event_id = ? and processed_at is not null")
                .param(eventId).query(String.class).single()).isEqualTo("already-settled");
        assertThat(webhooks.receive(captured, signature(captured), eventId)).as("delivered again").isEqualTo("duplicate");
        assertThat(events.capturedOf(orderNumber)).singleElement()
                .satisfies(e -> assertThat(e.paymentId()).isEqualTo(attempt.id()));
        assertThat(payments.paymentOf(orderNumber).orElseThrow()).isEqualTo(confirmed.result());
    }

    @Test
    void aWebhookBeforeTheBrowserReadsThePaymentOnceAndCapturesIt() {
        PaymentGateway.Payment attempt = simulated().attempt(gatewayOrderId, true); // no webhook on its way
        byte[] captured = event("payment.captured", paymentEntity(attempt.id(), AMOUNT.paise(), "captured"));

        Counted<String> delivered = StatementCounter.counted(() -> webhooks.receive(captured, signature(captured),
                "evt_" + UUID.randomUUID()));

        assertThat(delivered.result()).isEqualTo("settled");
        // The payment read (once: the look for an earlier capture hands it to the capture), its
        // conditional capture, and ordering's look for an order of that number (none here); the inbox
        // row's two JDBC statements are left out of this count. It read the payment twice before.
        assertThat(delivered.statements()).as(String.join("\n", delivered.statements())).hasSize(3);
        assertThat(events.capturedOf(orderNumber)).singleElement()
                .satisfies(e -> assertThat(e.paymentId()).isEqualTo(attempt.id()));
        assertThat(status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void theBrowserAndTheWebhookRacingCaptureThePaymentOnce() throws Exception {
        PaymentGateway.Payment attempt = simulated().attempt(gatewayOrderId, true);
        String signature = simulated().signatures().signCheckout(gatewayOrderId, attempt.id());
        byte[] captured = event("payment.captured", paymentEntity(attempt.id(), AMOUNT.paise(), "captured"));
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            boolean browser = i % 2 == 0;
            calls.add(() -> {
                start.await();
                return browser ? payments.confirmCheckout(owner, gatewayOrderId, attempt.id(), signature).status()
                        : postWebhook(captured, signature(captured), "evt_" + UUID.randomUUID()).status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Object>> results = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (int i = 0; i < racers; i++) {
                assertThat(results.get(i).get()).isIn(PaymentStatus.CAPTURED, 200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(events.capturedOf(orderNumber)).singleElement()
                .satisfies(e -> assertThat(e.paymentId()).isEqualTo(attempt.id()));
        assertThat(status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    private Response pay(long account, String outcome) {
        return api.postJson("/api/payments/simulated/" + gatewayOrderId + "/pay",
                "{\"outcome\": \"" + outcome + "\"}", tokens.validFor(account, Role.CUSTOMER));
    }

    private Response postWebhook(byte[] body, String signature, String eventId) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
        if (signature != null) {
            headers.put("X-Razorpay-Signature", signature);
        }
        if (eventId != null) {
            headers.put("X-Razorpay-Event-Id", eventId);
        }
        return api.send("POST", WEBHOOK, headers, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private String paymentEntity(String paymentId, long amountPaise, String status) {
        return RazorpayFake.payment(paymentId, gatewayOrderId, amountPaise, status).replaceAll("\\s+", "");
    }

    private static byte[] event(String type, String paymentEntity) {
        return ("{\"entity\":\"event\",\"account_id\":\"acc_Test\",\"event\":\"" + type
                + "\",\"contains\":[\"payment\"],\"payload\":{\"payment\":{\"entity\":" + paymentEntity
                + "}},\"created_at\":1764100000}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] refundEvent(String type, String refundId, String paymentId, long amountPaise,
            String status) {
        return ("{\"entity\":\"event\",\"event\":\"" + type + "\",\"contains\":[\"refund\"],\"payload\":{\"refund\":"
                + "{\"entity\":{\"id\":\"" + refundId + "\",\"entity\":\"refund\",\"amount\":" + amountPaise
                + ",\"currency\":\"INR\",\"payment_id\":\"" + paymentId + "\",\"status\":\"" + status
                + "\"}}},\"created_at\":1764100000}").getBytes(StandardCharsets.UTF_8);
    }

    private String signature(byte[] body) {
        return simulated().signatures().signWebhook(body);
    }

    private SimulatedGateway simulated() {
        return (SimulatedGateway) gateway;
    }

    private PaymentStatus status() {
        return payments.paymentOf(orderNumber).orElseThrow().status();
    }

    private static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the webhook").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
