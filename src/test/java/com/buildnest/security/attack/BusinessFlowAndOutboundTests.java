package com.buildnest.security.attack;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

/**
 * OWASP API6:2023 (sensitive business flows), API7:2023 (server-side request forgery) and
 * API10:2023 (unsafe consumption of APIs: forged Razorpay webhooks).
 */
@BuildNestTest
class BusinessFlowAndOutboundTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void guestCartsHoldingAllTheStockReserveNothingSoBuyersStillGetIt() {
        PurchaseFixtures shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
        long product = shop.product(5);
        for (int guest = 0; guest < 20; guest++) {
            Response added = api.postJson("/api/cart/items", "{\"productId\": %d, \"quantity\": 5}".formatted(product));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        assertThat(reservedOf(shop.skuOf(product))).isZero();

        Buyer buyer = shop.buyer("KA", "560001");
        shop.paidOrder(buyer, product, 5);
    }

    @Test
    void guessedPasswordResetTokensAreRefusedAndChangeNothing() {
        long resets = jdbc.sql("select count(*) from customer_password_reset").query(Long.class).single();
        for (String guess : List.of("0".repeat(43), "A".repeat(43), "x", "' OR 1=1 --", "../../etc/passwd")) {
            Response answer = api.postJson("/api/auth/password/reset",
                    "{\"token\": \"" + guess + "\", \"newPassword\": \"Correct horse battery 9\"}");
            assertThat(answer.status()).as(answer.body()).isBetween(400, 429);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(jdbc.sql("select count(*) from customer_password_reset").query(Long.class).single())
                .isEqualTo(resets);
    }

    /**
     * The shared test context runs with {@code buildnest.partner.allow-private-targets} (the embedded
     * default), so private, loopback, link-local and metadata addresses and DNS that repoints are
     * refused in partner.TargetGuardTests with the production setting. What every setting refuses,
     * over HTTP: other schemes, credentials, IPv4 in a non-canonical form that hides 127.0.0.1.
     */
    @Test
    void webhookTargetsWithOtherSchemesCredentialsOrDisguisedAddressesAreRefused() {
        String admin = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.ADMIN);
        long before = subscriptions();
        for (String target : List.of("https://2130706433/hook", "https://0x7f.0.0.1/hook", "https://0177.0.0.1/hook",
                "https://127.1/hook", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://127.0.0.1/",
                "https://user:pw@partner.example/hook", "jar:https://partner.example/a.jar!/", "https://",
                "https://partner.example/hook#fragment", "https://" + "a".repeat(3_000) + ".example/")) {
            Response answer = api.postJson("/api/admin/webhooks", """
                    {"name": "Attack", "url": "%s", "events": ["order.paid"]}""".formatted(target), admin);
            assertThat(answer.status()).as(target + " → " + answer.body()).isBetween(400, 422);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(subscriptions()).isEqualTo(before);
    }

    @Test
    void forgedReplayedResignedAndMalformedRazorpayWebhooksAreRefusedAndChangeNothing() throws Exception {
        long inbox = jdbc.sql("select count(*) from payment_webhook_inbox").query(Long.class).single();
        long payments = jdbc.sql("select count(*) from payment").query(Long.class).single();
        String body = """
                {"entity":"event","event":"payment.captured","payload":{"payment":{"entity":{"id":"pay_Forged0001",
                "order_id":"order_Forged0001","amount":40000,"currency":"INR","status":"captured"}}},
                "created_at":1764100000}""";
        List<Map<String, String>> forgeries = List.of(
                Map.of("Content-Type", "application/json", "X-Razorpay-Event-Id", "evt_forged_1"),
                Map.of("Content-Type", "application/json", "X-Razorpay-Event-Id", "evt_forged_2",
                        "X-Razorpay-Signature", "0".repeat(64)),
                Map.of("Content-Type", "application/json", "X-Razorpay-Event-Id", "evt_forged_3",
                        "X-Razorpay-Signature", hmac("not-the-webhook-secret", body)),
                Map.of("Content-Type", "application/json", "X-Razorpay-Event-Id", "evt_forged_4",
                        "X-Razorpay-Signature", "' OR 1=1 --"));
        for (Map<String, String> headers : forgeries) {
            assertProblem(api.send("POST", "/api/webhooks/razorpay", headers,
                    HttpRequest.BodyPublishers.ofString(body)), 400, "payment.webhook-signature-invalid");
        }
        for (String malformed : List.of("", "{", "[]", "null", "{\"event\": 1}")) {
            Response answer = api.send("POST", "/api/webhooks/razorpay", Map.of("Content-Type", "application/json",
                    "X-Razorpay-Signature", hmac("not-the-webhook-secret", malformed)),
                    HttpRequest.BodyPublishers.ofString(malformed));
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        }
        assertThat(jdbc.sql("select count(*) from payment_webhook_inbox").query(Long.class).single()).isEqualTo(inbox);
        assertThat(jdbc.sql("select count(*) from payment").query(Long.class).single())
                .isEqualTo(payments);
    }

    private long reservedOf(String sku) {
        return jdbc.sql("select reserved from inventory_stock where sku = ?").param(sku).query(Long.class).single();
    }

    private long subscriptions() {
        return jdbc.sql("select count(*) from partner_subscription").query(Long.class).single();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
