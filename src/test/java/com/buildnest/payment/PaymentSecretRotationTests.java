package com.buildnest.payment;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.platform.PlatformProperties;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.OpsScript;
import com.buildnest.testing.Traffic;

import tools.jackson.databind.JsonNode;

/**
 * The payment secrets rotation of docs/runbooks/secret-rotation.md, on the running application
 * with its mounted secrets directory (the test configuration mounts target/test-secrets, reloaded
 * every 500 ms with a 3 s grace): ops/secrets/rotate-razorpay-secrets.sh replaces the gateway's
 * webhook and key secrets, the application takes them up without a restart, webhooks signed with
 * the old secret keep being accepted while it switches and until the grace ends, and are refused
 * after it, leaving no trace. The shared context runs the simulated gateway, which signs and
 * checks exactly as Razorpay does; the files the script writes are its own.
 */
@BuildNestTest
class PaymentSecretRotationTests {

    static final String WEBHOOK = "/api/webhooks/razorpay";
    static final String PREFIX = "buildnest.payment.simulated.";

    @Autowired
    ApiClient api;

    @Autowired
    PaymentGateway gateway;

    @Autowired
    PlatformProperties platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @AfterEach
    void removeTheRotatedFiles() throws IOException {
        for (String name : new String[] { PREFIX + "key-secret", PREFIX + "webhook-secret",
                "buildnest.rotated-at.razorpay" }) {
            Files.deleteIfExists(secrets().resolve(name));
        }
    }

    @Test
    void webhooksSignedWithTheOldSecretAreAcceptedThroughTheSwitchAndTheGraceButNotAfter() throws Exception {
        Files.createDirectories(secrets());
        RazorpaySignatures first = rotate();
        String oldCheckoutSignature = first.signCheckout("order_Rotation01", "pay_Rotation01");
        RazorpaySignatures second;
        try (Traffic razorpay = Traffic.start(2, () -> {
            Response delivered = deliver(first);
            assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        })) {
            razorpay.awaitSuccesses(10);
            second = rotate();
            // Checked at once: the grace is 3 s in tests, and a busy machine can spend that on the traffic below.
            assertThat(gateway.signatures().checkoutSignatureValid("order_Rotation01", "pay_Rotation01",
                    oldCheckoutSignature)).as("the old key secret within its grace").isTrue();
            razorpay.awaitSuccesses(razorpay.successes() + 10);
            razorpay.stop();
            assertThat(razorpay.failureCauses()).as("webhooks refused during the switch").isEmpty();
        }
        assertThat(deliver(first).status()).as("the old secret within its grace").isEqualTo(200);

        Thread.sleep(platform.secrets().rotationGrace().plusMillis(500).toMillis());
        String eventId = "evt_" + UUID.randomUUID();
        byte[] body = ignoredEvent();
        assertProblem(post(body, first.signWebhook(body), eventId), 400, "payment.webhook-signature-invalid");
        assertThat(jdbc.sql("select count(*) from payment_webhook_inbox where event_id = ?").param(eventId)
                .query(Long.class).single()).isZero();
        assertThat(gateway.signatures().checkoutSignatureValid("order_Rotation01", "pay_Rotation01",
                oldCheckoutSignature)).as("the old key secret after its grace").isFalse();
        assertThat(deliver(second).status()).isEqualTo(200);
        assertThat(Files.readString(secrets().resolve("buildnest.rotated-at.razorpay"))).endsWith("Z");

        String admin = tokens.validFor(tokens.newCustomer(), Role.ADMIN);
        JsonNode reloaded = api.get("/api/admin/audit?action=secret.reloaded", admin).json().get("content").get(0);
        assertThat(reloaded.get("detail").asString()).isEqualTo("secret=razorpay simulated key-secret, webhook-secret"
                + " (replaced secrets accepted for " + platform.secrets().rotationGrace() + ")");
    }

    /** Runs the rotation script and waits until the application accepts the new secret. */
    private RazorpaySignatures rotate() throws Exception {
        String written = OpsScript.run("secrets/rotate-razorpay-secrets.sh", "--secrets-dir", secrets().toString(),
                "--simulated");
        assertThat(written.lines()).containsExactly(PREFIX + "key-secret", PREFIX + "webhook-secret");
        RazorpaySignatures rotated = new RazorpaySignatures(Files.readString(secrets().resolve(PREFIX + "key-secret")),
                Files.readString(secrets().resolve(PREFIX + "webhook-secret")));
        for (int attempt = 0; attempt < 40; attempt++) {
            if (deliver(rotated).status() == 200) {
                return rotated;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the rotated webhook secret was not taken up within 10 s");
    }

    /** A genuine event BuildNest has no use for, signed as Razorpay would sign it with these secrets. */
    private Response deliver(RazorpaySignatures signedWith) {
        byte[] body = ignoredEvent();
        return post(body, signedWith.signWebhook(body), "evt_" + UUID.randomUUID());
    }

    private Response post(byte[] body, String signature, String eventId) {
        return api.send("POST", WEBHOOK, Map.of("Content-Type", "application/json", "X-Razorpay-Signature", signature,
                "X-Razorpay-Event-Id", eventId), HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static byte[] ignoredEvent() {
        return ("{\"entity\":\"event\",\"event\":\"account.rotation-drill\",\"payload\":{},\"created_at\":"
                + System.currentTimeMillis() / 1000 + "}").getBytes(StandardCharsets.UTF_8);
    }

    private Path secrets() {
        return platform.secrets().dir();
    }
}
