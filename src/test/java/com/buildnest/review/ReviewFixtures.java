package com.buildnest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Buyers who received products, over the real HTTP API: bought, paid at the simulated gateway,
 * packed, shipped and delivered by staff; and their reviews. Products a test made go off sale
 * when it ends, so they never show in other tests' listings.
 */
final class ReviewFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final PurchaseFixtures purchase;
    private final List<Long> products = new ArrayList<>();

    ReviewFixtures(ApiClient api, AccessTokens tokens, Inventory inventory, JdbcClient jdbc) {
        this.api = api;
        this.purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
    }

    String staff() {
        return purchase.staff();
    }

    /** A cement product on sale with 1,000 bags in stock. */
    long product() {
        return product("Testcem");
    }

    long product(String brand) {
        long id = purchase.product(1_000, brand);
        products.add(id);
        return id;
    }

    /** A customer with an address, and the full name given (null: none). */
    Buyer buyer(String fullName) {
        Buyer buyer = purchase.buyer("KA", "560102");
        if (fullName != null) {
            Response named = api.send("PATCH", "/api/me", Map.of("Content-Type", "application/json",
                    "Authorization", "Bearer " + buyer.token()),
                    HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("fullName", fullName))));
            assertThat(named.status()).as(named.body()).isEqualTo(200);
        }
        return buyer;
    }

    /** The buyer orders one bag of each product and pays; returns the order number. */
    String paidOrder(Buyer buyer, long... productIds) {
        for (long productId : productIds) {
            purchase.addToCart(buyer, productId, 1);
        }
        Response placed = purchase.checkout(buyer, "review-" + System.nanoTime());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderNumber = placed.json().get("orderNumber").asString();
        Response paid = purchase.verify(buyer,
                purchase.pay(buyer, placed.json().get("payment").get("gatewayOrderId").asString(), true));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return orderNumber;
    }

    /** The buyer orders one bag of each product, pays, and staff deliver it; returns the order number. */
    String deliveredOrder(Buyer buyer, long... productIds) {
        String orderNumber = paidOrder(buyer, productIds);
        for (String step : List.of("pack", "ship", "deliver")) {
            Response moved = api.postJson("/api/admin/orders/" + orderNumber + "/" + step,
                    step.equals("ship") ? "{\"carrier\": \"VRL Logistics\", \"trackingNumber\": \"VRL-1\"}" : "",
                    staff());
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        return orderNumber;
    }

    /** A buyer (with the full name given) who received the products. */
    Buyer receivedBy(String fullName, long... productIds) {
        Buyer buyer = buyer(fullName);
        deliveredOrder(buyer, productIds);
        return buyer;
    }

    Response review(Buyer buyer, long productId, int rating, String text) {
        return api.postJson("/api/products/" + productId + "/reviews",
                JSON.writeValueAsString(Map.of("rating", rating, "text", text)), buyer.token());
    }

    /** Posts a review that must be accepted; returns its id. */
    long reviewed(Buyer buyer, long productId, int rating, String text) {
        Response posted = review(buyer, productId, rating, text);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().get("id").asLong();
    }

    JsonNode reviews(long productId) {
        Response listed = api.get("/api/products/" + productId + "/reviews?size=100");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json();
    }

    Response moderate(long reviewId, String action, String reason) {
        return api.postJson("/api/admin/reviews/" + reviewId + "/" + action,
                JSON.writeValueAsString(Map.of("reason", reason)), staff());
    }

    void takeOffSale(long productId) {
        Response gone = api.send("DELETE", "/api/admin/products/" + productId,
                Map.of("Authorization", "Bearer " + staff()), HttpRequest.BodyPublishers.noBody());
        assertThat(gone.status()).as(gone.body()).isEqualTo(204);
    }

    void takeAllOffSale() {
        products.forEach(id -> api.send("DELETE", "/api/admin/products/" + id,
                Map.of("Authorization", "Bearer " + staff()), HttpRequest.BodyPublishers.noBody()));
        products.clear();
    }
}
