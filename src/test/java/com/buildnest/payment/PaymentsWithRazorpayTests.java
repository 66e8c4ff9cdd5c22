package com.buildnest.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;
import com.buildnest.testing.BuildNestTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The payment API against Razorpay's REST API, played by a local fake: the module's own
 * repositories and settlement from the shared context, with a Razorpay client pointed at the fake
 * instead of the simulated gateway the context runs with.
 */
@BuildNestTest
class PaymentsWithRazorpayTests {

    static final RazorpayFake razorpay = new RazorpayFake();
    static final long OWNER = 41L;
    static final long SOMEONE_ELSE = 42L;
    static final Money AMOUNT = Money.ofRupees("1250.50");

    @Autowired
    PaymentRepository repository;

    @Autowired
    RefundRepository refunds;

    @Autowired
    Settlement settlement;

    @Autowired
    Clock clock;

    @Autowired
    ConfigurableApplicationContext context;

    Payments payments;
    PaymentEvents events;
    String orderNumber;
    String gatewayOrderId;

    @BeforeEach
    void razorpayAccount() {
        razorpay.server.resetAll();
        payments = new Payments(repository, settlement, razorpay.client(), clock);
        events = PaymentEvents.recordIn(context);
        orderNumber = "BN-" + UUID.randomUUID();
        gatewayOrderId = "order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
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
    void startCreatesOneGatewayOrderPerOrderNumberHoweverOftenItIsCalled() {
        razorpay.createsOrder(gatewayOrderId, AMOUNT.paise());

        GatewayCheckout first = payments.start(orderNumber, OWNER, AMOUNT);
        GatewayCheckout again = payments.start(orderNumber, OWNER, AMOUNT);

        assertThat(first).isEqualTo(new GatewayCheckout(PaymentProperties.Gateway.RAZORPAY, gatewayOrderId,
                RazorpayFake.KEY_ID, AMOUNT, "INR"));
        assertThat(again).isEqualTo(first);
        razorpay.server.verify(1, postRequestedFor(urlEqualTo("/v1/orders")));
        assertThat(payments.paymentOf(orderNumber)).hasValueSatisfying(p -> assertThat(p.status())
                .isEqualTo(PaymentStatus.CREATED));
    }

    @Test
    void startingTheSameOrderNumberForAnotherAmountIsRefused() {
        razorpay.createsOrder(gatewayOrderId, AMOUNT.paise());
        payments.start(orderNumber, OWNER, AMOUNT);

        assertThatThrownBy(() -> payments.start(orderNumber, OWNER, Money.ofRupees("1.00")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("payment.already-started"));
        assertThat(payments.paymentOf(orderNumber).orElseThrow().amount()).isEqualTo(AMOUNT);
    }

    @Test
    void aGatewayThatFailsWhileStartingLeavesNothingBehindAndAnswers502() throws Exception {
        razorpay.server.stubFor(post(urlEqualTo("/v1/orders")).willReturn(RazorpayFake.serverError()));

        assertThatThrownBy(() -> payments.start(orderNumber, OWNER, AMOUNT))
                .isInstanceOf(PaymentGatewayUnavailable.class);
        assertThat(payments.paymentOf(orderNumber)).isEmpty();

        MockMvc web = MockMvcBuilders.standaloneSetup(new StartProbe(payments, orderNumber))
                .setControllerAdvice(new PaymentProblemsAdvice()).build();
        web.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/probe/start")).andExpect(status().isBadGateway())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("payment.gateway-unavailable"))
                .andExpect(jsonPath("$.type").value("urn:buildnest:problem:payment.gateway-unavailable"));
    }

    @Test
    void confirmingAGenuineCheckoutCapturesThePaymentOnce() {
        startedPayment();
        razorpay.hasPayment("pay_Genuine0000001", gatewayOrderId, AMOUNT.paise(), "captured");
        String signature = signed(gatewayOrderId, "pay_Genuine0000001");

        PaymentSummary captured = payments.confirmCheckout(OWNER, gatewayOrderId, "pay_Genuine0000001", signature);
        PaymentSummary again = payments.confirmCheckout(OWNER, gatewayOrderId, "pay_Genuine0000001", signature);

        assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(captured.gatewayPaymentId()).isEqualTo("pay_Genuine0000001");
        assertThat(again).isEqualTo(captured);
        assertThat(events.capturedOf(orderNumber)).singleElement().satisfies(event -> {
            assertThat(event.paymentId()).isEqualTo("pay_Genuine0000001");
            assertThat(event.gatewayOrderId()).isEqualTo(gatewayOrderId);
            assertThat(event.amount()).isEqualTo(AMOUNT);
        });
        razorpay.server.verify(1, getRequestedFor(urlEqualTo("/v1/payments/pay_Genuine0000001")));
    }

    @Test
    void aForgedSignatureIsRefusedWithoutAskingTheGatewayAndChangesNothing() {
        startedPayment();
        String forged = new RazorpaySignatures("not-the-key-secret", "x").signCheckout(gatewayOrderId, "pay_F1");

        assertThatThrownBy(() -> payments.confirmCheckout(OWNER, gatewayOrderId, "pay_F1", forged))
                .isInstanceOfSatisfying(PaymentSignatureInvalid.class,
                        refused -> assertThat(refused.code()).isEqualTo("payment.signature-invalid"));
        assertNothingChanged();
        razorpay.server.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void aSignatureReplayedFromAnotherOrderIsRefused() {
        startedPayment();
        String ofAnotherOrder = signed("order_SomeOtherOrder1", "pay_R1");

        assertThatThrownBy(() -> payments.confirmCheckout(OWNER, gatewayOrderId, "pay_R1", ofAnotherOrder))
                .isInstanceOf(PaymentSignatureInvalid.class);
        assertNothingChanged();
    }

    @Test
    void someoneElsesOrderIsNotFound() {
        startedPayment();
        razorpay.hasPayment("pay_S1", gatewayOrderId, AMOUNT.paise(), "captured");

        assertThatThrownBy(() -> payments.confirmCheckout(SOMEONE_ELSE, gatewayOrderId, "pay_S1",
                signed(gatewayOrderId, "pay_S1"))).isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("payment.not-found");
                    assertThat(refused.kind()).isEqualTo(BusinessRuleViolation.Kind.NOT_FOUND);
                });
        assertNothingChanged();
    }

    @Test
    void aPaymentForAnotherAmountIsRefusedAndChangesNothing() {
        startedPayment();
        razorpay.hasPayment("pay_T1", gatewayOrderId, AMOUNT.paise() - 100_000, "captured");

        assertThatThrownBy(() -> payments.confirmCheckout(OWNER, gatewayOrderId, "pay_T1",
                signed(gatewayOrderId, "pay_T1"))).isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("payment.amount-mismatch"));
        assertNothingChanged();
    }

    @Test
    void aPaymentTheGatewayReportsFailedIsNotCaptured() {
        startedPayment();
        razorpay.hasPayment("pay_X1", gatewayOrderId, AMOUNT.paise(), "failed");

        assertThatThrownBy(() -> payments.confirmCheckout(OWNER, gatewayOrderId, "pay_X1",
                signed(gatewayOrderId, "pay_X1"))).isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("payment.not-captured"));
        assertNothingChanged();
    }

    @Test
    void aGatewayThatTimesOutWhileConfirmingChangesNothing() {
        startedPayment();
        Payments impatient = new Payments(repository, settlement,
                new RazorpayClient(razorpay.settings(Duration.ofMillis(200), 2)), clock);
        razorpay.server.stubFor(get(urlEqualTo("/v1/payments/pay_Slow")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFixedDelay(1_500).withBody("{}")));

        assertThatThrownBy(() -> impatient.confirmCheckout(OWNER, gatewayOrderId, "pay_Slow",
                signed(gatewayOrderId, "pay_Slow"))).isInstanceOf(PaymentGatewayUnavailable.class);
        assertNothingChanged();
    }

    @Test
    void aRefundRepeatedWithTheSameKeyRefundsOnce() {
        capturedPayment("pay_Ref1");
        razorpay.refunds("pay_Ref1", "rfnd_1", 50_000);

        RefundReceipt first = payments.refund(orderNumber, Money.ofPaise(50_000), orderNumber + ":r1");
        RefundReceipt again = payments.refund(orderNumber, Money.ofPaise(50_000), orderNumber + ":r1");

        assertThat(first).isEqualTo(new RefundReceipt(orderNumber, "rfnd_1", Money.ofPaise(50_000),
                RefundStatus.PROCESSED, false));
        assertThat(again).isEqualTo(first);
        razorpay.server.verify(1, postRequestedFor(urlEqualTo("/v1/payments/pay_Ref1/refund")));
        assertThat(events.refundedOf(orderNumber)).singleElement()
                .isEqualTo(new PaymentRefunded(orderNumber, "rfnd_1", Money.ofPaise(50_000), false,
                        events.refundedOf(orderNumber).get(0).at()));
        PaymentSummary payment = payments.paymentOf(orderNumber).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payment.refunded()).isEqualTo(Money.ofPaise(50_000));
    }

    @Test
    void theSameKeyForAnotherAmountIsRefused() {
        capturedPayment("pay_Ref2");
        razorpay.refunds("pay_Ref2", "rfnd_2", 50_000);
        payments.refund(orderNumber, Money.ofPaise(50_000), orderNumber + ":r1");

        assertThatThrownBy(() -> payments.refund(orderNumber, Money.ofPaise(60_000), orderNumber + ":r1"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("payment.idempotency-key-reused"));
        assertThat(payments.paymentOf(orderNumber).orElseThrow().refunded()).isEqualTo(Money.ofPaise(50_000));
    }

    @Test
    void refundingMoreThanWasCapturedIsRefusedWithoutAskingTheGateway() {
        capturedPayment("pay_Ref3");
        razorpay.refunds("pay_Ref3", "rfnd_3", AMOUNT.paise() - 1);
        payments.refund(orderNumber, Money.ofPaise(AMOUNT.paise() - 1), orderNumber + ":r1");

        assertThatThrownBy(() -> payments.refund(orderNumber, Money.ofPaise(2), orderNumber + ":r2"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("payment.refund-exceeds-captured");
                    assertThat(refused.getMessage()).contains("₹0.01");
                });
        razorpay.server.verify(1, postRequestedFor(urlPathMatching("/v1/payments/.*/refund")));
        assertThat(payments.paymentOf(orderNumber).orElseThrow().refunded())
                .isEqualTo(Money.ofPaise(AMOUNT.paise() - 1));
        assertThat(events.refundedOf(orderNumber)).hasSize(1);
    }

    @Test
    void refundsRacingWithDifferentKeysNeverExceedTheCapturedAmount() throws Exception {
        capturedPayment("pay_Race1");
        razorpay.server.stubFor(post(urlEqualTo("/v1/payments/pay_Race1/refund")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"id": "rfnd_{{randomValue length=14 type='ALPHANUMERIC'}}", "entity": "refund",
                         "amount": {{jsonPath request.body '$.amount'}}, "currency": "INR",
                         "payment_id": "pay_Race1", "status": "processed"}""").withTransformers("response-template")));
        Money twoFifths = Money.ofPaise(AMOUNT.paise() * 2 / 5);
        int racers = 6;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                String key = orderNumber + ":race" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return payments.refund(orderNumber, twoFifths, key).status().name();
                    } catch (BusinessRuleViolation refused) {
                        return refused.code();
                    }
                }));
            }
            start.countDown();
            java.util.List<String> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn("PROCESSED"::equals).hasSize(2);
            assertThat(outcomes).filteredOn("payment.refund-exceeds-captured"::equals).hasSize(racers - 2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(payments.paymentOf(orderNumber).orElseThrow().refunded()).isEqualTo(twoFifths.times(2));
        assertThat(events.refundedOf(orderNumber)).hasSize(2);
        razorpay.server.verify(2, postRequestedFor(urlEqualTo("/v1/payments/pay_Race1/refund")));
    }

    @Test
    void refundsUpToTheFullAmountLeaveThePaymentRefunded() {
        capturedPayment("pay_Ref4");
        razorpay.refunds("pay_Ref4", "rfnd_4", AMOUNT.paise());

        RefundReceipt receipt = payments.refund(orderNumber, AMOUNT, orderNumber + ":all");

        assertThat(receipt.fullyRefunded()).isTrue();
        assertThat(payments.paymentOf(orderNumber).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(events.refundedOf(orderNumber)).singleElement().satisfies(e -> assertThat(e.full()).isTrue());
    }

    @Test
    void aRefundWhoseGatewayCallFailedIsCompletedByARetryWithTheSameKey() {
        capturedPayment("pay_Ref5");
        razorpay.server.stubFor(post(urlEqualTo("/v1/payments/pay_Ref5/refund")).willReturn(RazorpayFake.serverError()));

        assertThatThrownBy(() -> payments.refund(orderNumber, Money.ofPaise(10_000), orderNumber + ":r1"))
                .isInstanceOf(PaymentGatewayUnavailable.class);
        assertThat(payments.paymentOf(orderNumber).orElseThrow().refunded()).as("set aside")
                .isEqualTo(Money.ofPaise(10_000));
        assertThatThrownBy(() -> payments.refund(orderNumber, AMOUNT, orderNumber + ":r2"))
                .as("what is set aside cannot be refunded twice").isInstanceOf(BusinessRuleViolation.class);
        assertThat(events.refundedOf(orderNumber)).isEmpty();

        razorpay.refunds("pay_Ref5", "rfnd_5", 10_000);
        RefundReceipt retried = payments.refund(orderNumber, Money.ofPaise(10_000), orderNumber + ":r1");

        assertThat(retried.refundId()).isEqualTo("rfnd_5");
        assertThat(events.refundedOf(orderNumber)).hasSize(1);
    }

    @Test
    void aRefundTheGatewayRefusesFreesItsAmount() {
        capturedPayment("pay_Ref6");
        razorpay.server.stubFor(post(urlEqualTo("/v1/payments/pay_Ref6/refund")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"description\": \"Refunds are disabled for this payment\"}}")));

        assertThatThrownBy(() -> payments.refund(orderNumber, Money.ofPaise(10_000), orderNumber + ":r1"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("payment.refund-refused");
                    assertThat(refused.getMessage()).contains("Refunds are disabled for this payment");
                });
        PaymentSummary payment = payments.paymentOf(orderNumber).orElseThrow();
        assertThat(payment.refunded()).isEqualTo(Money.ZERO);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void aPaymentNotYetCapturedCannotBeRefunded() {
        startedPayment();

        assertThatThrownBy(() -> payments.refund(orderNumber, Money.ofPaise(100), orderNumber + ":r1"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("payment.not-refundable"));
        razorpay.server.verify(0, postRequestedFor(urlPathMatching("/v1/payments/.*/refund")));
    }

    @Test
    void reconciliationCapturesAPaymentWhoseCallbackNeverCame() {
        startedPayment();
        razorpay.hasPaymentsOfOrder(gatewayOrderId,
                RazorpayFake.payment("pay_Lost1", gatewayOrderId, AMOUNT.paise(), "failed"),
                RazorpayFake.payment("pay_Lost2", gatewayOrderId, AMOUNT.paise(), "captured"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        reconciliationAt(Duration.ofMinutes(20), meters).reconcile();

        PaymentSummary payment = payments.paymentOf(orderNumber).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.gatewayPaymentId()).isEqualTo("pay_Lost2");
        assertThat(events.capturedOf(orderNumber)).hasSize(1);
        assertThat(meters.counter("buildnest.payment.reconciliations", "outcome", "captured").count()).isEqualTo(1);
    }

    @Test
    void reconciliationLeavesARecentUnpaidPaymentAndFailsItOnceExpired() {
        startedPayment();
        razorpay.hasPaymentsOfOrder(gatewayOrderId,
                RazorpayFake.payment("pay_Declined", gatewayOrderId, AMOUNT.paise(), "failed"));

        reconciliationAt(Duration.ofMinutes(20), new SimpleMeterRegistry()).reconcile();
        assertThat(payments.paymentOf(orderNumber).orElseThrow().status()).isEqualTo(PaymentStatus.CREATED);

        reconciliationAt(Duration.ofMinutes(61), new SimpleMeterRegistry()).reconcile();
        reconciliationAt(Duration.ofMinutes(70), new SimpleMeterRegistry()).reconcile();

        assertThat(payments.paymentOf(orderNumber).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(events.failedOf(orderNumber)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Payment was declined by the bank"));
    }

    @Test
    void reconciliationCapturesASecondAttemptAfterAFailureWhoseCallbacksWereLost() {
        startedPayment();
        PaymentGateway.Payment declined = new PaymentGateway.Payment("pay_First", gatewayOrderId, AMOUNT.paise(), "INR",
                "failed", "Payment was declined by the bank");
        settlement.failed(declined);
        razorpay.hasPaymentsOfOrder(gatewayOrderId,
                RazorpayFake.payment("pay_First", gatewayOrderId, AMOUNT.paise(), "failed"),
                RazorpayFake.payment("pay_Second", gatewayOrderId, AMOUNT.paise(), "captured"));

        reconciliationAt(Duration.ofMinutes(20), new SimpleMeterRegistry()).reconcile();

        assertThat(payments.paymentOf(orderNumber).orElseThrow().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(events.failedOf(orderNumber)).hasSize(1);
        assertThat(events.capturedOf(orderNumber)).singleElement()
                .satisfies(e -> assertThat(e.paymentId()).isEqualTo("pay_Second"));
    }

    @Test
    void reconciliationCompletesARefundWhoseGatewayCallNeverGotAnAnswer() {
        capturedPayment("pay_Ref7");
        razorpay.server.stubFor(post(urlEqualTo("/v1/payments/pay_Ref7/refund")).willReturn(RazorpayFake.serverError()));
        assertThatThrownBy(() -> payments.refund(orderNumber, Money.ofPaise(20_000), orderNumber + ":r1"))
                .isInstanceOf(PaymentGatewayUnavailable.class);
        razorpay.refunds("pay_Ref7", "rfnd_7", 20_000);

        reconciliationAt(Duration.ofMinutes(20), new SimpleMeterRegistry()).reconcile();

        assertThat(events.refundedOf(orderNumber)).singleElement()
                .satisfies(e -> assertThat(e.refundId()).isEqualTo("rfnd_7"));
        assertThat(payments.paymentOf(orderNumber).orElseThrow().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        razorpay.server.verify(postRequestedFor(urlEqualTo("/v1/payments/pay_Ref7/refund"))
                .withHeader("X-Refund-Idempotency", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        orderNumber + ":r1")));
    }

    private PaymentReconciliation reconciliationAt(Duration later, SimpleMeterRegistry meters) {
        return razorpay.reconciliation(repository, refunds, settlement, clock, later, meters);
    }

    private void startedPayment() {
        razorpay.createsOrder(gatewayOrderId, AMOUNT.paise());
        payments.start(orderNumber, OWNER, AMOUNT);
    }

    private void capturedPayment(String paymentId) {
        startedPayment();
        razorpay.hasPayment(paymentId, gatewayOrderId, AMOUNT.paise(), "captured");
        payments.confirmCheckout(OWNER, gatewayOrderId, paymentId, signed(gatewayOrderId, paymentId));
    }

    private void assertNothingChanged() {
        PaymentSummary payment = payments.paymentOf(orderNumber).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(payment.gatewayPaymentId()).isNull();
        assertThat(events.capturedOf(orderNumber)).isEmpty();
        assertThat(events.failedOf(orderNumber)).isEmpty();
    }

    private static String signed(String orderId, String paymentId) {
        return new RazorpaySignatures(RazorpayFake.KEY_SECRET, RazorpayFake.WEBHOOK_SECRET).signCheckout(orderId,
                paymentId);
    }

    /** The smallest controller that starts a payment, to see the 502 problem a caller gets. */
    @RestController
    static final class StartProbe {

        private final Payments payments;
        private final String orderNumber;

        StartProbe(Payments payments, String orderNumber) {
            this.payments = payments;
            this.orderNumber = orderNumber;
        }

        @PostMapping("/probe/start")
        GatewayCheckout start() {
            return payments.start(orderNumber, OWNER, AMOUNT);
        }
    }
}
