package com.buildnest.security.attack;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import tools.jackson.databind.JsonNode;

/**
 * OWASP API3:2023 (object property level: mass assignment and excessive data exposure) and API5:2023
 * (function level: what EndpointAccessMatrixTests does not already cover, HTTP method override headers).
 */
@BuildNestTest
class PropertyAndFunctionLevelAuthorisationTests {

    static final String MASS_ASSIGNMENT = "\"id\": 1, \"roles\": [\"ADMIN\", \"STAFF\"], \"role\": \"ADMIN\", "
            + "\"enabled\": false, \"accountId\": 1, \"passwordHash\": \"x\", \"status\": \"PAID\"";

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registrationAndProfileChangesIgnoreRolesIdsAndState() {
        String name = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Response registered = api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@example.test", "password": "Correct horse battery 9", %s}"""
                .formatted(name, name, MASS_ASSIGNMENT));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long id = registered.json().get("id").asLong();
        assertThat(id).isNotEqualTo(1);
        assertThat(rolesOf(id)).containsExactly("CUSTOMER");

        String token = tokens.validFor(id, Role.CUSTOMER);
        Response patched = api.send("PATCH", "/api/me", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + token), HttpRequest.BodyPublishers.ofString("{" + MASS_ASSIGNMENT + "}"));
        assertThat(patched.status()).as(patched.body()).isIn(200, 400);
        assertThat(rolesOf(id)).containsExactly("CUSTOMER");
        assertThat(jdbc.sql("select enabled from customer_account where id = ?").param(id).query(Boolean.class)
                .single()).isTrue();
        assertThat(api.get("/api/me", token).json().get("id").asLong()).isEqualTo(id);
    }

    @Test
    void aCartLineWithPricesOwnersOrStatesInTheBodyIsRefusedAndNothingIsAdded() {
        PurchaseFixtures shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
        Buyer buyer = shop.buyer("KA", "560001");
        long product = shop.product(10);
        Response added = api.postJson("/api/cart/items", """
                {"productId": %d, "quantity": 2, "unitPrice": "0.01", "price": {"amount": "0.01", "currency": "INR"},
                 "subtotal": "0.02", %s}""".formatted(product, MASS_ASSIGNMENT), buyer.token());
        JsonNode problem = assertProblem(added, 400, "request.invalid");
        assertThat(problem.get("errors").toString()).contains("\"unitPrice\"", "\"price\"", "\"subtotal\"",
                "\"roles\"", "\"accountId\"", "\"status\"");
        assertThat(api.get("/api/cart", buyer.token()).json().get("items")).isEmpty();
    }

    @Test
    void responsesNeverCarryPasswordHashesSecretsOrTokensOfOthers() {
        long customer = tokens.newCustomer();
        String admin = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.ADMIN);
        List<Response> answers = List.of(api.get("/api/me", tokens.validFor(customer)),
                api.get("/api/admin/customers?size=50", admin), api.get("/api/admin/audit?size=50", admin),
                api.get("/api/admin/webhooks", admin), api.get("/api/admin/security/signing-key", admin),
                api.get("/api/admin/outbox", admin));
        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body().toLowerCase()).doesNotContain("passwordhash", "password_hash", "\"secret\"",
                    "$2a$", "$2b$",
                    "{bcrypt}", "{argon2", "refreshtoken", "tokenhash", "keysecret", "webhooksecret");
        }
    }

    @Test
    void methodOverrideHeadersAreIgnored() {
        PurchaseFixtures shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
        Buyer buyer = shop.buyer("KA", "560001");
        String address = "/api/me/addresses/" + buyer.addressId();
        String customer = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER);
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            // A read the customer may make does not turn into an administrator's write or a delete.
            assertProblem(api.send("GET", "/api/admin/customers", Map.of("Authorization", "Bearer " + customer,
                    header, "GET"), HttpRequest.BodyPublishers.noBody()), 403, "auth.forbidden");
            Response overridden = api.send("GET", address, Map.of("Authorization", "Bearer " + buyer.token(),
                    header, "DELETE"), HttpRequest.BodyPublishers.noBody());
            assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
            Response post = api.send("POST", address, Map.of("Authorization", "Bearer " + buyer.token(),
                    header, "DELETE"), HttpRequest.BodyPublishers.noBody());
            assertProblem(post, 405, "request.method-not-allowed");
            // The hidden-method form field of HTML forms is not honoured on the API either.
            assertProblem(api.send("POST", address + "?_method=DELETE", Map.of("Authorization", "Bearer "
                    + buyer.token(), "Content-Type", "application/x-www-form-urlencoded"),
                    HttpRequest.BodyPublishers.ofString("_method=DELETE")), 405, "request.method-not-allowed");
        }
        assertThat(api.get(address, buyer.token()).status()).isEqualTo(200);
    }

    private List<String> rolesOf(long accountId) {
        JsonNode me = api.get("/api/me", tokens.validFor(accountId, Role.CUSTOMER)).json();
        return java.util.stream.StreamSupport.stream(me.get("roles").spliterator(), false).map(JsonNode::asString)
                .toList();
    }
}
