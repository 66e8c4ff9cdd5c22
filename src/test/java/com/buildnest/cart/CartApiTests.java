package com.buildnest.cart;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import com.buildnest.cart.CartFixtures.Caller;
import com.buildnest.cart.CartFixtures.Product;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** The cart over HTTP for guests and customers: lines, prices, quantity rules, stock and ownership. */
@BuildNestTest
class CartApiTests extends ShopTestSupport {

    static final String FORGED_TOKEN = "A".repeat(43);

    @Test
    void aGuestsFirstAddCreatesTheCartAndHandsOverItsToken() {
        Product cement = shop.cement(100);

        Response added = Caller.guest(api).add(cement.id(), 10);

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String token = added.header("X-Cart-Token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        JsonNode cart = added.json();
        assertThat(cart.get("cartToken").asString()).isEqualTo(token);
        assertThat(added.header("ETag")).isEqualTo("\"" + cart.get("version").asLong() + "\"");
        JsonNode line = cart.get("items").get(0);
        assertThat(line.get("productId").asLong()).isEqualTo(cement.id());
        assertThat(line.get("sku").asString()).isEqualTo(cement.sku());
        assertThat(line.get("name").asString()).isEqualTo("Test cart cement, 50 kg");
        assertThat(line.get("unit").asString()).isEqualTo("bag");
        assertThat(line.get("quantity").asLong()).isEqualTo(10);
        assertThat(line.get("unitPrice").get("amount").asString()).isEqualTo("415.00");
        assertThat(line.get("lineTotal").get("amount").asString()).isEqualTo("4150.00");
        assertThat(line.get("gstRate").decimalValue()).isEqualByComparingTo("18");
        assertThat(line.get("gstAmount").get("amount").asString()).isEqualTo("747.00");
        assertThat(line.get("stock").get("status").asString()).isEqualTo("IN_STOCK");
        assertThat(line.get("problems")).isEmpty();
        assertThat(cart.get("itemCount").asInt()).isEqualTo(1);
        assertThat(cart.get("subtotal").get("amount").asString()).isEqualTo("4150.00");
        assertThat(cart.get("estimatedGst").get("amount").asString()).isEqualTo("747.00");
        assertThat(cart.get("total").get("amount").asString()).isEqualTo("4897.00");
        assertThat(cart.get("total").get("currency").asString()).isEqualTo("INR");
        assertThat(cart.get("checkoutReady").asBoolean()).isTrue();

        Response read = Caller.guest(api).withCartToken(token).cart();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id").asLong()).isEqualTo(cart.get("id").asLong());
        assertThat(read.json().get("items")).isEqualTo(cart.get("items"));
        assertThat(read.json().get("cartToken").isNull()).isTrue();
        assertThat(jdbc.sql("select guest_token_hash from cart where id = ?").param(cart.get("id").asLong())
                .query(String.class).single()).isEqualTo(sha256(token)).isNotEqualTo(token);
    }

    @Test
    void aGuestWithoutATokenBrowsesAnEmptyCartAndNothingIsStored() {
        long carts = cartRows();

        Response response = Caller.guest(api).cart();

        assertThat(response.status()).isEqualTo(200);
        JsonNode cart = response.json();
        assertThat(cart.get("id").isNull()).isTrue();
        assertThat(cart.get("items")).isEmpty();
        assertThat(cart.get("subtotal").get("amount").asString()).isEqualTo("0.00");
        assertThat(cart.get("checkoutReady").asBoolean()).isFalse();
        assertThat(cartRows()).isEqualTo(carts);
    }

    @Test
    void aForgedOrMalformedTokenNamesNoCart() {
        Product cement = shop.cement(100);
        Caller owner = Caller.guest(api).withCartToken(Caller.guest(api).add(cement.id(), 2).header("X-Cart-Token"));
        long itemId = owner.cart().json().get("items").get(0).get("itemId").asLong();

        for (String token : new String[] { FORGED_TOKEN, "not a token" }) {
            Caller stranger = Caller.guest(api).withCartToken(token);
            assertThat(stranger.cart().json().get("items")).as(token).isEmpty();
            assertProblem(stranger.change(itemId, 5), 404, "cart.item-not-found");
            assertProblem(stranger.remove(itemId, null), 404, "cart.item-not-found");
        }
        assertThat(owner.cart().json().get("items").get(0).get("quantity").asLong()).isEqualTo(2);

        // Adding with a token that names no cart starts a new cart under a new token, never the one sent.
        Response fresh = Caller.guest(api).withCartToken(FORGED_TOKEN).add(cement.id(), 1);
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.header("X-Cart-Token")).isNotEqualTo(FORGED_TOKEN).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void addingAProductAgainAddsToItsLineAndTheTierPriceFollowsTheQuantity() {
        Product cement = shop.cement(500);
        Caller customer = newCustomer();

        customer.add(cement.id(), 30);
        Response second = customer.add(cement.id(), 20);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("X-Cart-Token")).isNull();
        JsonNode line = second.json().get("items").get(0);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(line.get("quantity").asLong()).isEqualTo(50);
        assertThat(line.get("unitPrice").get("amount").asString()).isEqualTo("405.00");
        assertThat(line.get("lineTotal").get("amount").asString()).isEqualTo("20250.00");
        assertThat(second.json().get("total").get("amount").asString()).isEqualTo("23895.00");
    }

    @Test
    void aCustomerChangesAndRemovesTheirLines() {
        Product cement = shop.cement(100);
        Product steel = shop.steel(10_000);
        Caller customer = newCustomer();
        customer.add(cement.id(), 5);
        long steelLine = customer.add(steel.id(), 600).json().get("items").get(1).get("itemId").asLong();

        Response changed = customer.change(steelLine, 1000);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("items").get(1).get("lineTotal").get("amount").asString())
                .isEqualTo("62500.00");

        Response removed = customer.remove(steelLine, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("items")).extracting(l -> l.get("productId").asLong())
                .containsExactly(cement.id());
        assertThat(customer.cart().json().get("itemCount").asInt()).isEqualTo(1);
    }

    @Test
    void quantitiesOutsideTheMinimumStepOrMaximumAreRefusedAndChangeNothing() {
        Product steel = shop.steel(200_000);
        Product cement = shop.cement(5000);
        Caller customer = newCustomer();
        customer.add(steel.id(), 500);
        JsonNode before = customer.cart().json();

        JsonNode tooMany = assertProblem(customer.add(cement.id(), 2001), 422, "catalog.quantity-above-maximum");
        assertThat(tooMany.get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        assertProblem(customer.add(steel.id(), 50), 422, "catalog.quantity-off-step");
        long line = before.get("items").get(0).get("itemId").asLong();
        assertProblem(customer.change(line, 400), 422, "catalog.quantity-below-minimum");
        assertProblem(customer.change(line, 100_100), 422, "catalog.quantity-above-maximum");

        assertThat(customer.cart().json()).isEqualTo(before);
    }

    @Test
    void zeroNegativeAbsurdOrMissingQuantitiesAreBadRequestsNamingTheField() {
        Product cement = shop.cement(100);
        Caller guest = Caller.guest(api);
        long carts = cartRows();

        for (String quantity : new String[] { "0", "-5", "1000000000000" }) {
            JsonNode problem = assertProblem(guest.addRaw("{\"productId\": " + cement.id() + ", \"quantity\": "
                    + quantity + "}"), 400, "request.invalid");
            assertThat(problem.get("errors")).extracting(e -> e.get("field").asString()).containsExactly("quantity");
        }
        JsonNode missing = assertProblem(guest.addRaw("{}"), 400, "request.invalid");
        assertThat(missing.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("productId", "quantity");
        assertThat(cartRows()).isEqualTo(carts);
    }

    @Test
    void unknownPropertiesAndBrokenJsonAreBadRequests() {
        Product cement = shop.cement(100);
        Caller guest = Caller.guest(api);
        long carts = cartRows();

        JsonNode unknown = assertProblem(guest.addRaw("{\"productId\": " + cement.id()
                + ", \"quantity\": 2, \"unitPrice\": \"1.00\"}"), 400, "request.invalid");
        assertThat(unknown.get("errors")).extracting(e -> e.get("field").asString()).containsExactly("unitPrice");
        assertProblem(guest.addRaw("{\"productId\": " + cement.id() + ", \"quantity\": \"ten\"}"), 400,
                "request.malformed");
        assertProblem(guest.addRaw("{\"productId\": "), 400, "request.malformed");
        assertProblem(guest.addRaw("[]"), 400, "request.malformed");
        assertThat(cartRows()).isEqualTo(carts);
    }

    @Test
    void moreThanTheStockOnTheShelfIsAConflict() {
        Product cement = shop.cement(5);
        Caller customer = newCustomer();

        assertProblem(customer.add(cement.id(), 6), 409, "inventory.insufficient-stock");
        assertThat(customer.add(cement.id(), 5).status()).isEqualTo(201);
        assertProblem(customer.add(cement.id(), 1), 409, "inventory.insufficient-stock");

        assertThat(customer.cart().json().get("items").get(0).get("quantity").asLong()).isEqualTo(5);
    }

    @Test
    void anUnknownOrOffSaleProductCannotBeAddedAndALineWhoseProductWentOffSaleIsFlagged() {
        Product cement = shop.cement(100);
        Product steel = shop.steel(10_000);
        Caller customer = newCustomer();
        customer.add(cement.id(), 2);
        customer.add(steel.id(), 500);

        assertProblem(customer.add(987_654_321L, 1), 404, "catalog.product-not-found");
        shop.takeOffSale(steel);
        assertProblem(customer.add(steel.id(), 500), 404, "catalog.product-not-found");

        JsonNode cart = customer.cart().json();
        JsonNode gone = cart.get("items").get(1);
        assertThat(gone.get("productId").asLong()).isEqualTo(steel.id());
        assertThat(gone.get("lineTotal").isNull()).isTrue();
        assertThat(gone.get("problems").get(0).get("code").asString()).isEqualTo("catalog.product-unavailable");
        assertThat(cart.get("subtotal").get("amount").asString()).isEqualTo("830.00");
        assertThat(cart.get("checkoutReady").asBoolean()).isFalse();
    }

    @Test
    void aLineWithMoreThanTheStockNowLeftIsShownWithItsProblemAndLeftOutOfTheTotals() {
        Product cement = shop.cement(10);
        Caller customer = newCustomer();
        customer.add(cement.id(), 8);
        inventory.adjust(cement.sku(), -7, "breakage", CartFixtures.STOREKEEPER);

        JsonNode cart = customer.cart().json();

        JsonNode line = cart.get("items").get(0);
        assertThat(line.get("stock").get("status").asString()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(line.get("stock").get("available").asLong()).isEqualTo(3);
        assertThat(line.get("lineTotal").get("amount").asString()).isEqualTo("3320.00");
        assertThat(line.get("problems")).extracting(p -> p.get("code").asString())
                .containsExactly("inventory.insufficient-stock");
        assertThat(cart.get("total").get("amount").asString()).isEqualTo("0.00");
        assertThat(cart.get("checkoutReady").asBoolean()).isFalse();
    }

    @Test
    void anotherShoppersLineIsNotFoundAndStaysAsItWas() {
        Product cement = shop.cement(100);
        Caller owner = newCustomer();
        long line = owner.add(cement.id(), 3).json().get("items").get(0).get("itemId").asLong();
        Caller other = newCustomer();
        other.add(cement.id(), 1);

        assertProblem(other.change(line, 9), 404, "cart.item-not-found");
        assertProblem(other.remove(line, null), 404, "cart.item-not-found");
        assertProblem(Caller.guest(api).change(line, 9), 404, "cart.item-not-found");

        assertThat(owner.cart().json().get("items").get(0).get("quantity").asLong()).isEqualTo(3);
    }

    @Test
    void aCartHoldsAtMostAHundredLines() {
        Caller customer = newCustomer();
        Product first = shop.cement(10);
        long accountCart = customer.add(first.id(), 1).json().get("id").asLong();
        Product other = shop.cement(10);
        for (long productId = 1; productId < 100; productId++) {
            jdbc.sql("insert into cart_item (cart_id, product_id, quantity, added_at) values (?, ?, 1, ?)")
                    .param(accountCart).param(-productId).param(Timestamp.from(Instant.now())).update();
        }

        assertProblem(customer.add(other.id(), 1), 409, "cart.too-many-lines");
        assertThat(customer.add(first.id(), 1).status()).isEqualTo(201);
    }

    private long cartRows() {
        return jdbc.sql("select count(*) from cart").query(Long.class).single();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
