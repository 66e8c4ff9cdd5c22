package com.buildnest.cart;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;

import tools.jackson.databind.json.JsonMapper;

/**
 * A little shop for cart tests: products created by staff through the API (SKU {@code TST-…}, so
 * catalogue tests clean them up too), stock received into inventory, and taken off sale afterwards.
 */
final class CartFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long STOREKEEPER = 4242L;

    private final ApiClient api;
    private final Inventory inventory;
    private final String staff;
    private final long cementCategory;
    private final List<Long> created = new ArrayList<>();

    CartFixtures(ApiClient api, AccessTokens tokens, Inventory inventory, JdbcClient jdbc) {
        this.api = api;
        this.inventory = inventory;
        this.staff = tokens.validFor(tokens.newCustomer(), Role.STAFF);
        this.cementCategory = jdbc.sql("select id from catalog_category where slug = 'cement'").query(Long.class)
                .single();
    }

    /** A product on sale with its id and SKU. */
    record Product(long id, String sku) {
    }

    /** OPC cement by the bag: ₹415 for 1–49 bags, ₹405 from 50; at most 2000; 18% GST; {@code stock} bags. */
    Product cement(long stock) {
        return product("Test cart cement, 50 kg", "bag", 1, 1, 2000,
                List.of(Map.of("minQuantity", 1, "unitPrice", "415.00"),
                        Map.of("minQuantity", 50, "unitPrice", "405.00")), stock);
    }

    /** TMT bars by the kilogram: at least 500 kg in steps of 100 kg, ₹62.50 a kg; {@code stock} kg. */
    Product steel(long stock) {
        return product("Test cart TMT bar 12 mm", "kg", 500, 100, 100_000,
                List.of(Map.of("minQuantity", 500, "unitPrice", "62.50")), stock);
    }

    /** Staff take the product off sale. */
    void takeOffSale(Product product) {
        Response response = api.send("DELETE", "/api/admin/products/" + product.id(),
                Map.of("Authorization", "Bearer " + staff), HttpRequest.BodyPublishers.noBody());
        if (response.status() >= 300) {
            throw new IllegalStateException(response.body());
        }
    }

    void takeAllOffSale() {
        created.forEach(id -> api.send("DELETE", "/api/admin/products/" + id,
                Map.of("Authorization", "Bearer " + staff), HttpRequest.BodyPublishers.noBody()));
        created.clear();
    }

    private Product product(String name, String unit, long minimum, long step, long maximum,
            List<Map<String, Object>> prices, long stock) {
        String sku = "TST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("sku", sku);
        form.put("name", name);
        form.put("brand", "Testcart");
        form.put("categoryId", cementCategory);
        form.put("description", "For cart tests.");
        form.put("unit", unit);
        form.put("hsnCode", "2523");
        form.put("weightGrams", 1000);
        form.put("minimumOrderQuantity", minimum);
        form.put("orderStep", step);
        form.put("maximumOrderQuantity", maximum);
        form.put("prices", prices);
        form.put("packs", List.of());
        Response response = api.postJson("/api/admin/products", JSON.writeValueAsString(form), staff);
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        long id = response.json().get("id").asLong();
        created.add(id);
        if (stock > 0) {
            inventory.receive(sku, stock, "opening count", STOREKEEPER);
        }
        return new Product(id, sku);
    }

    /** A shopper calling the cart API: with a bearer token, a cart token, both or neither. */
    record Caller(ApiClient api, String bearer, String cartToken) {

        static Caller guest(ApiClient api) {
            return new Caller(api, null, null);
        }

        static Caller customer(ApiClient api, String bearer) {
            return new Caller(api, bearer, null);
        }

        Caller withCartToken(String token) {
            return new Caller(api, bearer, token);
        }

        Response cart() {
            return send("GET", "/api/cart", null, null);
        }

        Response add(long productId, long quantity) {
            return add(productId, quantity, null);
        }

        Response add(long productId, long quantity, String ifMatch) {
            return send("POST", "/api/cart/items",
                    "{\"productId\": " + productId + ", \"quantity\": " + quantity + "}", ifMatch);
        }

        Response addRaw(String body) {
            return send("POST", "/api/cart/items", body, null);
        }

        Response change(long itemId, long quantity) {
            return send("PATCH", "/api/cart/items/" + itemId, "{\"quantity\": " + quantity + "}", null);
        }

        Response remove(long itemId, String ifMatch) {
            return send("DELETE", "/api/cart/items/" + itemId, null, ifMatch);
        }

        Response send(String method, String path, String body, String ifMatch) {
            Map<String, String> headers = new HashMap<>();
            if (bearer != null) {
                headers.put("Authorization", "Bearer " + bearer);
            }
            if (cartToken != null) {
                headers.put("X-Cart-Token", cartToken);
            }
            if (ifMatch != null) {
                headers.put("If-Match", ifMatch);
            }
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            return api.send(method, path, headers,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
    }
}
