package com.buildnest.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.buildnest.cart.CartFixtures.Caller;
import com.buildnest.cart.CartFixtures.Product;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** A guest's cart joins the customer's when they sign in, or at their next cart request with the token. */
@BuildNestTest
class CartMergeTests extends ShopTestSupport {

    static final String PASSWORD = "Forty bags of cement before the rain";

    @Test
    void signingInWithTheCartTokenMergesTheGuestCartBeforeTheAnswer() {
        Product cement = shop.cement(100);
        Product steel = shop.steel(10_000);
        String username = register();
        Caller customer = Caller.customer(api, login(username, null));
        customer.add(cement.id(), 5);
        String token = guestCartWith(Map.of(cement.id(), 10L, steel.id(), 700L));

        Caller signedIn = Caller.customer(api, login(username, token));

        JsonNode cart = signedIn.cart().json();
        assertThat(cart.get("items")).extracting(l -> l.get("productId").asLong() + "x" + l.get("quantity").asLong())
                .containsExactlyInAnyOrder(cement.id() + "x15", steel.id() + "x700");
        assertThat(cart.get("notices")).isEmpty();
        assertThat(guestCarts(token)).isZero();

        // The same token again (a second sign-in, a retry) or a forged one: nothing more happens.
        Caller.customer(api, login(username, token));
        Caller.customer(api, login(username, CartApiTests.FORGED_TOKEN));
        assertThat(signedIn.cart().json().get("items")).isEqualTo(cart.get("items"));
    }

    @Test
    void mergedQuantitiesAreCutToStockAndOrderLimitsAndWhatCouldNotBeKeptIsReported() {
        Product cement = shop.cement(12);
        Product steel = shop.steel(10_000);
        Product soldOut = shop.cement(3);
        String username = register();
        Caller customer = Caller.customer(api, login(username, null));
        customer.add(cement.id(), 8);
        String token = guestCartWith(Map.of(cement.id(), 10L, steel.id(), 600L, soldOut.id(), 3L));
        inventory.adjust(steel.sku(), -9_950, "stock count", CartFixtures.STOREKEEPER);
        inventory.adjust(soldOut.sku(), -3, "breakage", CartFixtures.STOREKEEPER);

        JsonNode cart = Caller.customer(api, login(username, token)).cart().json();

        assertThat(cart.get("items")).extracting(l -> l.get("productId").asLong() + "x" + l.get("quantity").asLong())
                .containsExactly(cement.id() + "x12");
        assertThat(cart.get("notices")).extracting(n -> n.get("productId").asLong() + " " + n.get("code").asString())
                .containsExactlyInAnyOrder(cement.id() + " cart.merge-quantity-reduced",
                        steel.id() + " cart.merge-line-dropped", soldOut.id() + " cart.merge-line-dropped");
        assertThat(guestCarts(token)).isZero();

        // Notices last until the next change.
        long line = cart.get("items").get(0).get("itemId").asLong();
        assertThat(Caller.customer(api, login(username, null)).change(line, 11).json().get("notices")).isEmpty();
    }

    @Test
    void aSignedInCartRequestStillCarryingTheGuestTokenMergesIt() {
        Product cement = shop.cement(100);
        String token = guestCartWith(Map.of(cement.id(), 4L));
        Caller customer = newCustomer();

        Response response = customer.withCartToken(token).cart();

        assertThat(response.json().get("items").get(0).get("quantity").asLong()).isEqualTo(4);
        assertThat(guestCarts(token)).isZero();
        assertThat(customer.withCartToken(token).cart().json().get("items")).hasSize(1);
    }

    @Test
    void aProductTakenOffSaleIsLeftOutOfTheMergeWithANotice() {
        Product cement = shop.cement(100);
        Product steel = shop.steel(10_000);
        String token = guestCartWith(Map.of(cement.id(), 4L, steel.id(), 500L));
        shop.takeOffSale(steel);
        Caller customer = newCustomer();

        JsonNode cart = customer.withCartToken(token).cart().json();

        assertThat(cart.get("items")).extracting(l -> l.get("productId").asLong()).containsExactly(cement.id());
        assertThat(cart.get("notices").get(0).get("code").asString()).isEqualTo("cart.merge-product-unavailable");
    }

    private String guestCartWith(Map<Long, Long> lines) {
        Caller guest = Caller.guest(api);
        for (Map.Entry<Long, Long> line : lines.entrySet()) {
            Response added = guest.add(line.getKey(), line.getValue());
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            if (guest.cartToken() == null) {
                guest = guest.withCartToken(added.header("X-Cart-Token"));
            }
        }
        return guest.cartToken();
    }

    private long guestCarts(String token) {
        return jdbc.sql("select count(*) from cart where guest_token_hash = ?").param(CartApiTests.sha256(token))
                .query(Long.class).single();
    }

    private String register() {
        String name = "cart" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Response response = api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@example.in", "password": "%s"}""".formatted(name, name, PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return name;
    }

    private String login(String username, String cartToken) {
        Map<String, String> headers = cartToken == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-Cart-Token", cartToken);
        Response response = api.send("POST", "/api/auth/login", headers, java.net.http.HttpRequest.BodyPublishers
                .ofString("{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, PASSWORD)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("accessToken").asString();
    }
}
