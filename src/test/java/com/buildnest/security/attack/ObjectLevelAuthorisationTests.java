package com.buildnest.security.attack;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

/**
 * OWASP API1:2023, broken object-level authorisation: customer A holds a valid token and B's ids
 * (order number, address id, cart line id). Every answer is the 404 a missing object gets, never a
 * 403 that would confirm B's object exists, and B's object is unchanged.
 */
@BuildNestTest
class ObjectLevelAuthorisationTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherCustomersOrderAndInvoiceAreNotFoundAndCannotBeCancelled() {
        PurchaseFixtures shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
        Buyer owner = shop.buyer("KA", "560001");
        Buyer intruder = shop.buyer("KA", "560002");
        String orderNumber = shop.paidOrder(owner, shop.product(10), 2);

        assertProblem(api.get("/api/orders/" + orderNumber, intruder.token()), 404, "order.not-found");
        assertProblem(api.get("/api/orders/" + orderNumber + "/invoice", intruder.token()), 404, "order.not-found");
        assertProblem(api.postJson("/api/orders/" + orderNumber + "/cancel", "", intruder.token()), 404,
                "order.not-found");
        assertProblem(api.postJson("/api/orders/" + orderNumber + "/return", "{\"reason\": \"The bags arrived torn\"}",
                intruder.token()), 404, "order.not-found");
        assertThat(api.get("/api/orders", intruder.token()).body()).doesNotContain(orderNumber);

        assertThat(shop.order(owner, orderNumber).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void anotherCustomersAddressCannotBeReadChangedOrDeleted() {
        PurchaseFixtures shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
        Buyer owner = shop.buyer("KA", "560001");
        Buyer intruder = shop.buyer("KA", "560002");
        String path = "/api/me/addresses/" + owner.addressId();
        String before = api.get(path, owner.token()).body();

        assertProblem(api.get(path, intruder.token()), 404, "customer.address-not-found");
        assertProblem(api.send("PUT", path, Map.of("Content-Type", "application/json", "Authorization", "Bearer "
                + intruder.token()), HttpRequest.BodyPublishers.ofString("""
                {"label": "Mine now", "recipientName": "Mallory", "phone": "+919845012345",
                 "line1": "Elsewhere 1", "city": "Mysuru", "state": "KA", "pinCode": "570001"}""")),
                404, "customer.address-not-found");
        assertProblem(api.send("DELETE", path, Map.of("Authorization", "Bearer " + intruder.token()),
                HttpRequest.BodyPublishers.noBody()), 404, "customer.address-not-found");
        // Nor can the intruder ship an order of theirs to it.
        shop.addToCart(intruder, shop.product(5), 1);
        Response checkout = api.send("POST", "/api/checkout", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + intruder.token()), HttpRequest.BodyPublishers.ofString(
                        "{\"shippingAddressId\": %d, \"paymentMethod\": \"upi\"}".formatted(owner.addressId())));
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(404);

        assertThat(api.get(path, owner.token()).body()).isEqualTo(before);
    }

    @Test
    void anotherShoppersCartLineCannotBeChangedOrRemoved() {
        PurchaseFixtures shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
        Buyer owner = shop.buyer("KA", "560001");
        Buyer intruder = shop.buyer("KA", "560002");
        shop.addToCart(owner, shop.product(10), 3);
        long itemId = api.get("/api/cart", owner.token()).json().get("items").get(0).get("itemId").asLong();

        for (Map<String, String> who : java.util.List.of(Map.of("Authorization", "Bearer " + intruder.token()),
                Map.<String, String>of())) {
            Map<String, String> headers = new java.util.HashMap<>(who);
            headers.put("Content-Type", "application/json");
            assertProblem(api.send("PATCH", "/api/cart/items/" + itemId, headers,
                    HttpRequest.BodyPublishers.ofString("{\"quantity\": 1}")), 404, "cart.item-not-found");
            assertProblem(api.send("DELETE", "/api/cart/items/" + itemId, who, HttpRequest.BodyPublishers.noBody()),
                    404, "cart.item-not-found");
        }

        assertThat(api.get("/api/cart", owner.token()).json().get("items").get(0).get("quantity").asLong())
                .isEqualTo(3);
    }
}
