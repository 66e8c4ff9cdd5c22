package com.buildnest.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import com.buildnest.platform.PlatformProperties;
import com.buildnest.platform.secrets.MountedSecrets;
import com.buildnest.platform.secrets.SecretReloaded;
import com.buildnest.shared.Money;
import com.buildnest.testing.MovableClock;
import com.buildnest.testing.OpsScript;

/**
 * Rotating the Razorpay API key and webhook secret as docs/runbooks/secret-rotation.md says: the
 * operator saves the values the Razorpay dashboard shows into files, ops/secrets/rotate-razorpay-secrets.sh
 * writes them into the mounted secrets directory, and at its next round {@link PaymentSecrets}
 * hands them to the {@link RazorpayClient}: the next API call (to a local fake of Razorpay)
 * authenticates with the new key, and signatures of the old webhook and key secrets verify only
 * until the grace ends.
 */
class RazorpayKeyRotationTests {

    static final RazorpayFake razorpay = new RazorpayFake();
    static final Duration GRACE = Duration.ofHours(1);

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T04:00:00Z"));

    @AfterAll
    static void stop() {
        razorpay.close();
    }

    @Test
    void aNewKeyAndWebhookSecretAreUsedAtTheNextRoundAndTheOldOnesVerifyOnlyThroughTheGrace(@TempDir Path secrets,
            @TempDir Path operator) throws Exception {
        RazorpayClient client = razorpay.client();
        List<Object> events = new ArrayList<>();
        PaymentSecrets reload = new PaymentSecrets(client, properties(), platform(secrets), new MountedSecrets(secrets),
                events::add, clock);
        byte[] body = "{\"event\":\"payment.captured\"}".getBytes(StandardCharsets.UTF_8);
        String oldWebhookSignature = client.signatures().signWebhook(body);
        String oldCheckoutSignature = client.signatures().signCheckout("order_Old", "pay_Old");
        assertThat(reload.reload()).as("nothing mounted yet").isFalse();

        Files.writeString(operator.resolve("key-id"), "rzp_test_Rotated02\n");
        Files.writeString(operator.resolve("key-secret"), "n3W-key-secret-from-the-dashboard\n");
        Files.writeString(operator.resolve("webhook-secret"), "n3W-webhook-secret-typed-in-the-dashboard\n");
        String written = OpsScript.run("secrets/rotate-razorpay-secrets.sh", "--secrets-dir", secrets.toString(),
                "--key-id-file", operator.resolve("key-id").toString(), "--key-secret-file",
                operator.resolve("key-secret").toString(), "--webhook-secret-file",
                operator.resolve("webhook-secret").toString());
        assertThat(written.lines()).containsExactly("buildnest.payment.razorpay.key-secret",
                "buildnest.payment.razorpay.webhook-secret", "buildnest.payment.razorpay.key-id");
        assertThat(reload.reload()).isTrue();
        assertThat(reload.reload()).as("the same files again").isFalse();

        razorpay.createsOrder("order_New", 10_000);
        client.createOrder("BN-ROTATION", Money.ofPaise(10_000), Map.of());
        razorpay.server.verify(postRequestedFor(urlEqualTo("/v1/orders")).withHeader("Authorization",
                equalTo("Basic " + Base64.getEncoder().encodeToString(
                        "rzp_test_Rotated02:n3W-key-secret-from-the-dashboard".getBytes(StandardCharsets.UTF_8)))));
        assertThat(client.keyId()).isEqualTo("rzp_test_Rotated02");
        RazorpaySignatures dashboard = new RazorpaySignatures("n3W-key-secret-from-the-dashboard",
                "n3W-webhook-secret-typed-in-the-dashboard");
        assertThat(client.signatures().webhookSignatureValid(body, dashboard.signWebhook(body))).isTrue();
        assertThat(client.signatures().webhookSignatureValid(body, oldWebhookSignature)).isTrue();
        assertThat(client.signatures().checkoutSignatureValid("order_Old", "pay_Old", oldCheckoutSignature)).isTrue();

        clock.advance(GRACE);
        assertThat(client.signatures().webhookSignatureValid(body, oldWebhookSignature)).isFalse();
        assertThat(client.signatures().checkoutSignatureValid("order_Old", "pay_Old", oldCheckoutSignature)).isFalse();
        assertThat(client.signatures().webhookSignatureValid(body, dashboard.signWebhook(body))).isTrue();
        assertThat(events).singleElement().isInstanceOfSatisfying(SecretReloaded.class, event -> assertThat(
                event.detail()).isEqualTo("razorpay key-id rzp_test_Fake01 -> rzp_test_Rotated02, key-secret, "
                        + "webhook-secret (replaced secrets accepted for PT1H)"));
    }

    private static PaymentProperties properties() {
        return new PaymentProperties(PaymentProperties.Gateway.RAZORPAY, razorpay.settings(Duration.ofSeconds(2), 1),
                new PaymentProperties.Simulated(null, null, null, false),
                new PaymentProperties.Reconciliation(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofMinutes(5),
                        50));
    }

    private static PlatformProperties platform(Path secrets) {
        return new PlatformProperties(Path.of("target/test-data"), DataSize.ofMegabytes(1), Duration.ofSeconds(30),
                new PlatformProperties.Secrets(secrets, Duration.ofSeconds(30), GRACE,
                        new PlatformProperties.MaxAge(Duration.ofDays(90), Duration.ofDays(180), Duration.ofDays(90),
                                Duration.ofDays(90))));
    }
}
