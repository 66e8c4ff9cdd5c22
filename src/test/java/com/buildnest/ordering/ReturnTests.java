package com.buildnest.ordering;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.inventory.Movement;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * Returns over the real HTTP API: the customer asks within the window after delivery, staff
 * receive the goods (stock back on the shelf, the amount paid refunded through the simulated
 * gateway) or reject the request; every refusal leaves the order, its history and the stock as
 * they were.
 */
@BuildNestTest
class ReturnTests {

    static final String REASON = "{\"reason\": \"Wrong grade: we needed OPC 43\"}";

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    PurchaseFixtures purchase;
    String staff;

    @BeforeEach
    void shop() {
        purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        staff = purchase.staff();
    }

    @Test
    void aDeliveredOrderAskedBackIsReceivedRestockedAndRefundedInFull() {
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.deliveredOrder(buyer, cement, 4);
        assertThat(available(cement)).isEqualTo(96);

        Response requested = api.postJson(returnOf(orderNumber), REASON, buyer.token());

        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().get("status").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(last(requested.json()).get("note").asString()).isEqualTo("Wrong grade: we needed OPC 43");
        assertThat(available(cement)).as("nothing is back before the goods are").isEqualTo(96);

        Response received = api.postJson(adminReturnOf(orderNumber) + "/receive", "", staff);

        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(available(cement)).as("the 4 bags are back on the shelf").isEqualTo(100);
        assertThat(inventory.level(purchase.skuOf(cement)).onHand()).isEqualTo(100);
        Movement restocked = inventory.movements(purchase.skuOf(cement), 1).get(0);
        assertThat(restocked.onHandChange()).isEqualTo(4);
        assertThat(restocked.reason()).isEqualTo("return of order " + orderNumber);
        assertThat(restocked.actorId()).isEqualTo(purchase.staffId());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                purchase.order(buyer, orderNumber).get("status").asString().equals("REFUNDED"));
        JsonNode order = purchase.order(buyer, orderNumber);
        assertThat(order.get("totals").get("refunded")).isEqualTo(order.get("totals").get("total"));
        assertThat(statuses(order)).containsExactly("PENDING_PAYMENT", "PAID", "PACKED", "SHIPPED", "DELIVERED",
                "RETURN_REQUESTED", "RETURNED", "REFUNDED");
        assertThat(subjectsMailedTo(buyer)).contains("BuildNest order " + orderNumber + ": return requested",
                "BuildNest order " + orderNumber + ": returned", "BuildNest order " + orderNumber + ": refunded");

        Response receivedAgain = api.postJson(adminReturnOf(orderNumber) + "/receive", "", staff);

        assertThat(receivedAgain.status()).as("a retried receipt answers the order").isEqualTo(200);
        assertThat(receivedAgain.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(available(cement)).as("and never restocks twice").isEqualTo(100);
        assertThat(statuses(purchase.order(buyer, orderNumber))).hasSize(8);
    }

    @Test
    void askingAgainWhileTheReturnIsOpenChangesNothing() {
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.deliveredOrder(buyer, cement, 1);
        api.postJson(returnOf(orderNumber), REASON, buyer.token());

        Response again = api.postJson(returnOf(orderNumber), "{\"reason\": \"Sending it again\"}", buyer.token());

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(statuses(again.json())).containsOnlyOnce("RETURN_REQUESTED");
    }

    @Test
    void aReturnAskedForAfterTheWindowIsRefusedAndChangesNothing() {
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.deliveredOrder(buyer, cement, 2);
        // delivered 7 days and a minute ago (times are stored in UTC): the 7-day window closed a minute ago
        jdbc.sql("""
                update ordering_status_change set changed_at = ?
                where to_status = 'DELIVERED' and order_id = (select id from ordering_order where order_number = ?)""")
                .param(LocalDateTime.ofInstant(Instant.now().minus(Duration.ofDays(7).plusMinutes(1)), ZoneOffset.UTC))
                .param(orderNumber).update();
        JsonNode before = purchase.order(buyer, orderNumber);

        Response refused = api.postJson(returnOf(orderNumber), REASON, buyer.token());

        assertProblem(refused, 409, "order.return-window-closed");
        assertThat(purchase.order(buyer, orderNumber)).isEqualTo(before);
        assertThat(available(cement)).isEqualTo(8);
    }

    @Test
    void anOrderNotYetDeliveredCannotBeReturnedNorItsReturnReceived() {
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.paidOrder(buyer, cement, 2);
        purchase.fulfil(orderNumber, "pack");
        purchase.fulfil(orderNumber, "ship");
        JsonNode before = purchase.order(buyer, orderNumber);

        assertProblem(api.postJson(returnOf(orderNumber), REASON, buyer.token()), 409, "order.illegal-transition");
        assertProblem(api.postJson(adminReturnOf(orderNumber) + "/receive", "", staff), 409,
                "order.illegal-transition");
        assertProblem(api.postJson(adminReturnOf(orderNumber) + "/reject", "{\"reason\": \"no\"}", staff), 409,
                "order.illegal-transition");

        assertThat(purchase.order(buyer, orderNumber)).isEqualTo(before);
        assertThat(before.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(available(cement)).isEqualTo(8);
    }

    @Test
    void aRejectedReturnLeavesTheOrderDeliveredForGood() {
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.deliveredOrder(buyer, cement, 3);
        api.postJson(returnOf(orderNumber), REASON, buyer.token());

        Response rejected = api.postJson(adminReturnOf(orderNumber) + "/reject",
                "{\"reason\": \"Opened bags cannot be taken back\"}", staff);

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(last(rejected.json()).get("note").asString()).isEqualTo("Opened bags cannot be taken back");
        assertThat(subjectsMailedTo(buyer)).contains("BuildNest order " + orderNumber + ": return not accepted");
        JsonNode afterRejection = purchase.order(buyer, orderNumber);

        assertThat(api.postJson(adminReturnOf(orderNumber) + "/reject", "{\"reason\": \"again\"}", staff).status())
                .as("a retried rejection answers the order").isEqualTo(200);
        assertProblem(api.postJson(returnOf(orderNumber), REASON, buyer.token()), 409, "order.return-rejected");
        assertProblem(api.postJson(adminReturnOf(orderNumber) + "/receive", "", staff), 409,
                "order.illegal-transition");
        assertThat(purchase.order(buyer, orderNumber)).isEqualTo(afterRejection);
        assertThat(statuses(afterRejection)).endsWith("DELIVERED", "RETURN_REQUESTED", "DELIVERED");
        assertThat(available(cement)).isEqualTo(7);
    }

    @Test
    void anotherCustomersOrderIsNotFoundAndBadBodiesAreRefused() {
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        Buyer stranger = purchase.buyer("KA", "560102");
        String orderNumber = purchase.deliveredOrder(buyer, cement, 1);
        JsonNode before = purchase.order(buyer, orderNumber);

        assertProblem(api.postJson(returnOf(orderNumber), REASON, stranger.token()), 404, "order.not-found");
        assertProblem(api.postJson(returnOf(orderNumber), "{}", buyer.token()), 400, "request.invalid");
        assertProblem(api.postJson(returnOf(orderNumber), "{\"reason\": \"   \"}", buyer.token()), 400,
                "request.invalid");
        assertProblem(api.postJson(returnOf(orderNumber), "{\"reason\": \"" + "x".repeat(501) + "\"}",
                buyer.token()), 400, "request.invalid");
        assertProblem(api.send("POST", returnOf(orderNumber), Map.of("Authorization", "Bearer " + buyer.token(),
                "Content-Type", "application/json"), HttpRequest.BodyPublishers.noBody()), 400, "request.malformed");
        assertProblem(api.postJson(adminReturnOf(orderNumber) + "/reject", "{}", staff), 400, "request.invalid");

        assertThat(purchase.order(buyer, orderNumber)).isEqualTo(before);
    }

    @Test
    void aReasonOfFiveHundredCharactersIsKeptWhole() {
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.deliveredOrder(buyer, cement, 1);
        String reason = "Cracked bags. ".repeat(36).substring(0, 500);

        Response requested = api.postJson(returnOf(orderNumber), "{\"reason\": \"" + reason + "\"}", buyer.token());

        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(last(purchase.order(buyer, orderNumber)).get("note").asString()).isEqualTo(reason.strip());
    }

    private static String returnOf(String orderNumber) {
        return "/api/orders/" + orderNumber + "/return";
    }

    private static String adminReturnOf(String orderNumber) {
        return "/api/admin/orders/" + orderNumber + "/return";
    }

    private static List<String> statuses(JsonNode order) {
        return order.get("history").valueStream().map(step -> step.get("status").asString()).toList();
    }

    private static JsonNode last(JsonNode order) {
        JsonNode history = order.get("history");
        return history.get(history.size() - 1);
    }

    private List<String> subjectsMailedTo(Buyer buyer) {
        String email = jdbc.sql("select email from customer_account where id = ?").param(buyer.accountId())
                .query(String.class).single();
        return api.get("/api/admin/outbox?size=100", staff).json().get("content").valueStream()
                .filter(mail -> mail.get("recipient").asString().equals(email))
                .map(mail -> mail.get("subject").asString()).toList();
    }

    private long available(long productId) {
        return inventory.level(purchase.skuOf(productId)).available();
    }
}
