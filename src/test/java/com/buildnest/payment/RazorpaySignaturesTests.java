package com.buildnest.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.buildnest.testing.MovableClock;

class RazorpaySignaturesTests {

    static final String KEY_SECRET = "kS3cr3t-for-tests-only-0123";
    static final String WEBHOOK_SECRET = "wH00k-secret-for-tests-4567";

    private final RazorpaySignatures signatures = new RazorpaySignatures(KEY_SECRET, WEBHOOK_SECRET);

    @Test
    void checkoutSignatureIsHexHmacOfOrderIdBarPaymentIdWithTheKeySecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("order_A1|pay_B2".getBytes(StandardCharsets.UTF_8)));

        assertThat(signatures.signCheckout("order_A1", "pay_B2")).isEqualTo(expected);
        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_B2", expected)).isTrue();
    }

    @Test
    void forgedCheckoutSignaturesAreRefused() {
        String genuine = signatures.signCheckout("order_A1", "pay_B2");
        String forged = new RazorpaySignatures("someone-elses-secret", WEBHOOK_SECRET).signCheckout("order_A1",
                "pay_B2");

        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_B2", forged)).isFalse();
        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_B2", genuine.toUpperCase())).isFalse();
        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_B2", genuine.substring(1))).isFalse();
        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_B2", "")).isFalse();
        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_B2", null)).isFalse();
    }

    @Test
    void aSignatureReplayedForAnotherOrderOrPaymentIsRefused() {
        String genuine = signatures.signCheckout("order_A1", "pay_B2");

        assertThat(signatures.checkoutSignatureValid("order_OTHER", "pay_B2", genuine)).isFalse();
        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_OTHER", genuine)).isFalse();
        assertThat(signatures.checkoutSignatureValid("order_A1", null, genuine)).isFalse();
    }

    @Test
    void webhookSignatureCoversTheRawBodyWithTheWebhookSecret() {
        byte[] body = "{\"event\":\"payment.captured\"}".getBytes(StandardCharsets.UTF_8);
        String genuine = signatures.signWebhook(body);

        assertThat(signatures.webhookSignatureValid(body, genuine)).isTrue();
        assertThat(signatures.webhookSignatureValid("{\"event\": \"payment.captured\"}"
                .getBytes(StandardCharsets.UTF_8), genuine)).as("same JSON, other bytes").isFalse();
        assertThat(signatures.webhookSignatureValid(body, signatures.signCheckout("a", "b"))).isFalse();
        assertThat(genuine).isNotEqualTo(new RazorpaySignatures(WEBHOOK_SECRET, KEY_SECRET).signWebhook(body));
    }

    @Test
    void aRotationSeenInTwoStepsKeepsTheGraceOfTheSecretReplacedFirst() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
        byte[] body = "{\"event\":\"payment.captured\"}".getBytes(StandardCharsets.UTF_8);
        String oldCheckout = signatures.signCheckout("order_A1", "pay_B2");
        String oldWebhook = signatures.signWebhook(body);

        signatures.rotate("new-key-secret", WEBHOOK_SECRET, Duration.ofHours(1), clock);
        clock.advance(Duration.ofSeconds(30));
        signatures.rotate("new-key-secret", "new-webhook-secret", Duration.ofHours(1), clock);

        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_B2", oldCheckout)).isTrue();
        assertThat(signatures.webhookSignatureValid(body, oldWebhook)).isTrue();
        clock.advance(Duration.ofMinutes(59).plusSeconds(45));
        assertThat(signatures.checkoutSignatureValid("order_A1", "pay_B2", oldCheckout)).as("its grace ended").isFalse();
        assertThat(signatures.webhookSignatureValid(body, oldWebhook)).as("replaced 30 s later").isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(signatures.webhookSignatureValid(body, oldWebhook)).isFalse();
        assertThat(signatures.webhookSignatureValid(body, new RazorpaySignatures("x", "new-webhook-secret")
                .signWebhook(body))).isTrue();
    }

    @Test
    void secretsNeverShowInItsDescription() {
        assertThat(signatures.toString()).doesNotContain(KEY_SECRET, WEBHOOK_SECRET);
    }
}
