package com.buildnest.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * Buyers, products and the calls of a purchase, over the real HTTP API: a buyer with an address,
 * a product with a known stock, a cart, a checkout, a payment through the simulated gateway, and
 * staff who pack, ship and deliver. Public for the modules that follow orders (audit, analytics,
 * partner webhooks) and want a real one.
 */
public final class PurchaseFixtures {

    /** A signed-in buyer and the address orders go to. */
    public record Buyer(long accountId, String token, long addressId) {
    }

    private final ApiClient api;
    private final AccessTokens tokens;
    private final Inventory inventory;
    private final long staffId;
    private final String staff;
    private final long cementShelf;

    /** A shop with a member of staff, who creates the products of a test in the cement category. */
    public PurchaseFixtures(ApiClient api, AccessTokens tokens, Inventory inventory, JdbcClient jdbc) {
        this.api = api;
        this.tokens = tokens;
        this.inventory = inventory;
        this.staffId = tokens.newCustomer();
        this.staff = tokens.validFor(staffId, Role.STAFF);
        this.cementShelf = jdbc.sql("select id from catalog_category where slug = 'cement'").query(Long.class).single();
    }

    /** The staff member's access token. */
    public String staff() {
        return staff;
    }

    /** The staff member's account. */
    public long staffId() {
        return staffId;
    }

    /** A customer with one address in the given state and PIN code. */
    public Buyer buyer(String state, String pinCode) {
        long accountId = tokens.newCustomer();
        String token = tokens.validFor(accountId, Role.CUSTOMER);
        return new Buyer(accountId, token, address(token, state, pinCode));
    }

    long address(String token, String state, String pinCode) {
        Response address = api.postJson("/api/me/addresses", """
                {"label": "Site", "recipientName": "Ravi Kumar", "phone": "+919845012345",
                 "line1": "Plot 12, 4th Cross", "city": "Bengaluru", "state": "%s", "pinCode": "%s"}"""
                .formatted(state, pinCode), token);
        assertThat(address.status()).as(address.body()).isEqualTo(201);
        return address.json().get("id").asLong();
    }

    /**
     * A cement product of its own (so other tests never take its stock): ₹400 a bag from 1, ₹390
     * from 50; 50 kg a bag; HSN 2523 (18 %); with {@code stock} bags on the shelf.
     */
    public long product(long stock) {
        return product(stock, "Testcem");
    }

    /** The same cement under another brand (so a test can list its own products by brand). */
    public long product(long stock, String brand) {
        String sku = "ORD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response created = api.postJson("/api/admin/products", """
                {"sku": "%s", "name": "Checkout test cement %s", "brand": "%s", "categoryId": %d,
                 "unit": "bag", "hsnCode": "2523", "weightGrams": 50000, "minimumOrderQuantity": 1,
                 "orderStep": 1, "maximumOrderQuantity": 5000,
                 "prices": [{"minQuantity": 1, "unitPrice": "400.00"}, {"minQuantity": 50, "unitPrice": "390.00"}]}"""
                .formatted(sku, sku, brand, cementShelf), staff);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (stock > 0) {
            inventory.receive(sku, stock, "test delivery", 1);
        }
        return created.json().get("id").asLong();
    }

    public String skuOf(long productId) {
        return api.get("/api/products/" + productId).json().get("sku").asString();
    }

    public void addToCart(Buyer buyer, long productId, long quantity) {
        Response added = api.postJson("/api/cart/items", "{\"productId\": %d, \"quantity\": %d}"
                .formatted(productId, quantity), buyer.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    public Response checkout(Buyer buyer, String idempotencyKey) {
        return checkout(buyer, "{\"shippingAddressId\": %d, \"paymentMethod\": \"upi\"}".formatted(buyer.addressId()),
                idempotencyKey);
    }

    Response checkout(Buyer buyer, String body, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + buyer.token()));
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return api.send("POST", "/api/checkout", headers, HttpRequest.BodyPublishers.ofString(body));
    }

    /** The buyer pays (or fails to) at the simulated gateway; what Razorpay Checkout would hand the browser. */
    public JsonNode pay(Buyer buyer, String gatewayOrderId, boolean success) {
        Response paid = api.postJson("/api/payments/simulated/" + gatewayOrderId + "/pay",
                "{\"outcome\": \"" + (success ? "success" : "failure") + "\"}", buyer.token());
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return paid.json();
    }

    public Response verify(Buyer buyer, JsonNode browserFields) {
        return api.postJson("/api/payments/razorpay/verify", browserFields.toString(), buyer.token());
    }

    /** The buyer orders {@code quantity} of a product and pays; answers the order number. */
    public String paidOrder(Buyer buyer, long productId, long quantity) {
        String orderNumber = placedOrder(buyer, productId, quantity);
        JsonNode placed = order(buyer, orderNumber);
        Response verified = verify(buyer, pay(buyer, placed.get("payment").get("gatewayOrderId").asString(), true));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return orderNumber;
    }

    /** The buyer orders {@code quantity} of a product and does not pay (yet); answers the order number. */
    public String placedOrder(Buyer buyer, long productId, long quantity) {
        addToCart(buyer, productId, quantity);
        Response placed = checkout(buyer, null);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("orderNumber").asString();
    }

    /** Staff make a step of fulfilment: {@code pack}, {@code ship} (with VRL Logistics) or {@code deliver}. */
    public Response fulfil(String orderNumber, String step) {
        Response done = api.postJson("/api/admin/orders/" + orderNumber + "/" + step, step.equals("ship")
                ? "{\"carrier\": \"VRL Logistics\", \"trackingNumber\": \"VRL-" + orderNumber.hashCode() + "\"}"
                : "", staff);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        return done;
    }

    /** A paid order of the buyer's that staff have packed, shipped and delivered; answers its number. */
    public String deliveredOrder(Buyer buyer, long productId, long quantity) {
        String orderNumber = paidOrder(buyer, productId, quantity);
        fulfil(orderNumber, "pack");
        fulfil(orderNumber, "ship");
        fulfil(orderNumber, "deliver");
        return orderNumber;
    }

    public JsonNode order(Buyer buyer, String orderNumber) {
        Response order = api.get("/api/orders/" + orderNumber, buyer.token());
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        return order.json();
    }
}
