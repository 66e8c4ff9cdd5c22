package com.buildnest.wishlist;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.AtOnce;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's wishlist over the real HTTP API: adding is idempotent, removing always succeeds,
 * nobody sees another's list, a product off sale cannot be added and, once added, shows as not
 * available; the list holds at most {@code buildnest.wishlist.max-items} products.
 */
@BuildNestTest
class WishlistApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Wishlists wishlists;

    @Autowired
    WishlistProperties properties;

    PurchaseFixtures shop;
    final List<Long> products = new ArrayList<>();

    @BeforeEach
    void openShop() {
        shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
    }

    @AfterEach
    void closeShop() {
        products.forEach(id -> api.send("DELETE", "/api/admin/products/" + id,
                Map.of("Authorization", "Bearer " + shop.staff()), HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aProductIsAddedOnceWithItsPriceAndStockAndAddingItAgainChangesNothing() {
        long cement = product(30);
        long outOfStock = product(0);
        String customer = customer();

        Response added = put(customer, cement);

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode item = added.json();
        assertThat(item.get("productId").asLong()).isEqualTo(cement);
        assertThat(item.get("sku").asString()).startsWith("ORD-");
        assertThat(item.get("name").asString()).isEqualTo("Checkout test cement " + item.get("sku").asString());
        assertThat(item.get("available").asBoolean()).isTrue();
        assertThat(item.get("unit").asString()).isEqualTo("bag");
        assertThat(item.get("price")).isEqualTo(money("400.00"));
        assertThat(item.get("priceIncludingGst")).as("18 % GST").isEqualTo(money("472.00"));
        assertThat(item.get("inStock").asBoolean()).isTrue();

        Response again = put(customer, cement);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(item);
        assertThat(put(customer, outOfStock).json().get("inStock").asBoolean()).isFalse();
        JsonNode list = wishlist(customer);
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("maxItems").asInt()).isEqualTo(properties.maxItems());
        assertThat(list.get("items").valueStream().map(line -> line.get("productId").asLong()))
                .as("the latest added first").containsExactly(outOfStock, cement);
        assertThat(list.get("items").get(1)).isEqualTo(item);
    }

    @Test
    void removingAProductAnswersNoContentWhetherOrNotItWasThere() {
        long cement = product(30);
        String customer = customer();
        put(customer, cement);

        assertThat(delete(customer, cement).status()).isEqualTo(204);
        assertThat(delete(customer, cement).status()).isEqualTo(204);
        assertThat(delete(customer(), cement).status()).as("a customer who never had a wishlist").isEqualTo(204);

        assertThat(wishlist(customer).get("items")).isEmpty();
        assertThat(wishlist(customer).get("count").asInt()).isZero();
    }

    @Test
    void aCustomerSeesAndChangesOnlyTheirOwnWishlist() {
        long cement = product(30);
        String owner = customer();
        String other = customer();
        put(owner, cement);

        assertThat(wishlist(other).get("items")).isEmpty();
        assertThat(delete(other, cement).status()).isEqualTo(204);

        assertThat(wishlist(owner).get("items").valueStream().map(line -> line.get("productId").asLong()))
                .containsExactly(cement);
        assertProblem(api.get("/api/wishlist"), 401, "auth.unauthenticated");
    }

    @Test
    void aProductThatIsUnknownOrOffSaleCannotBeAdded() {
        long cement = product(30);
        api.send("DELETE", "/api/admin/products/" + cement, Map.of("Authorization", "Bearer " + shop.staff()),
                HttpRequest.BodyPublishers.noBody());
        String customer = customer();

        assertProblem(put(customer, cement), 404, "catalog.product-not-found");
        assertProblem(put(customer, 987_654_321L), 404, "catalog.product-not-found");

        assertThat(wishlist(customer).get("items")).isEmpty();
    }

    @Test
    void aProductTakenOffSaleAfterItWasAddedStaysAsNotAvailableUnderItsOldName() {
        long cement = product(30);
        String customer = customer();
        JsonNode added = put(customer, cement).json();
        api.send("DELETE", "/api/admin/products/" + cement, Map.of("Authorization", "Bearer " + shop.staff()),
                HttpRequest.BodyPublishers.noBody());

        JsonNode item = wishlist(customer).get("items").get(0);

        assertThat(item.get("productId").asLong()).isEqualTo(cement);
        assertThat(item.get("name").asString()).isEqualTo(added.get("name").asString());
        assertThat(item.get("sku").asString()).isEqualTo(added.get("sku").asString());
        assertThat(item.get("available").asBoolean()).isFalse();
        assertThat(item.get("inStock").asBoolean()).isFalse();
        assertThat(item.get("price").isNull()).isTrue();
        assertThat(item.get("priceIncludingGst").isNull()).isTrue();
        assertThat(item.get("addedAt").asString()).isEqualTo(added.get("addedAt").asString());
        assertThat(delete(customer, cement).status()).isEqualTo(204);
        assertThat(wishlist(customer).get("items")).isEmpty();
    }

    @Test
    void aFullWishlistRefusesAnotherProductButStillTakesOneItHolds() {
        long last = product(30);
        long oneTooMany = product(30);
        long accountId = tokens.newCustomer();
        String customer = tokens.validFor(accountId);
        fillWithGoneProducts(accountId, properties.maxItems() - 1);
        assertThat(put(customer, last).status()).isEqualTo(201);

        assertProblem(put(customer, oneTooMany), 409, "wishlist.full");
        assertThat(put(customer, last).status()).as("already there: no new place needed").isEqualTo(200);

        JsonNode list = wishlist(customer);
        assertThat(list.get("count").asInt()).isEqualTo(properties.maxItems());
        assertThat(list.get("items").valueStream().map(line -> line.get("productId").asLong())).doesNotContain(oneTooMany);
    }

    @Test
    void twoAdditionsAtOnceCannotBothTakeTheLastPlace() throws Exception {
        long first = product(30);
        long second = product(30);
        long accountId = tokens.newCustomer();
        String customer = tokens.validFor(accountId);
        fillWithGoneProducts(accountId, properties.maxItems() - 1);
        List<Callable<Integer>> additions = List.of(() -> put(customer, first).status(),
                () -> put(customer, second).status());

        List<Integer> statuses = AtOnce.run(additions);

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(wishlist(customer).get("count").asInt()).isEqualTo(properties.maxItems());
    }

    @Test
    void aLongWishlistIsReadInAFixedNumberOfStatements() {
        long accountId = tokens.newCustomer();
        String customer = tokens.validFor(accountId);
        fillWithGoneProducts(accountId, 50);
        for (int i = 0; i < 5; i++) {
            put(customer, product(10));
        }

        List<String> statements = StatementCounter.statementsOf(() -> wishlists.of(accountId));

        assertThat(wishlists.of(accountId).count()).isEqualTo(55);
        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(6);
    }

    /** Puts {@code count} products that are no longer sold on the customer's wishlist, as if added long ago. */
    private void fillWithGoneProducts(long accountId, int count) {
        jdbc.sql("insert into wishlist (account_id) values (?)").param(accountId).update();
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                    insert into wishlist_item (account_id, product_id, product_name, product_sku, added_at)
                    values (?, ?, ?, ?, ?)""").params(accountId, 900_000_000L + i, "Discontinued " + i, "GONE-" + i,
                    Timestamp.from(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i))).update();
        }
    }

    private long product(long stock) {
        long id = shop.product(stock);
        products.add(id);
        return id;
    }

    private String customer() {
        return tokens.validFor(tokens.newCustomer());
    }

    private Response put(String token, long productId) {
        return api.send("PUT", "/api/wishlist/items/" + productId, Map.of("Authorization", "Bearer " + token),
                HttpRequest.BodyPublishers.noBody());
    }

    private Response delete(String token, long productId) {
        return api.send("DELETE", "/api/wishlist/items/" + productId, Map.of("Authorization", "Bearer " + token),
                HttpRequest.BodyPublishers.noBody());
    }

    private JsonNode wishlist(String token) {
        Response list = api.get("/api/wishlist", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
    }

    private static JsonNode money(String amount) {
        return JsonMapper.builder().build().readTree("{\"amount\": \"" + amount + "\", \"currency\": \"INR\"}");
    }
}
