package com.buildnest.catalog;

import static com.buildnest.catalog.CatalogAdminFixtures.cementForm;
import static com.buildnest.catalog.CatalogAdminFixtures.json;
import static com.buildnest.catalog.CatalogAdminFixtures.newSku;
import static com.buildnest.catalog.CatalogAdminFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * Search knows which products are in stock from its own index, which follows inventory: stock that
 * arrives or is reserved away shows in the in-stock filter and its counts once the follower has
 * caught up (every two seconds in the running shop; called directly here).
 */
@BuildNestTest
class ProductStockFollowerTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    ProductStockFollower follower;

    @Autowired
    JdbcClient jdbc;

    String staff;
    String brand;

    @BeforeEach
    void staffMember() {
        staff = tokens.validFor(tokens.newCustomer(), Role.STAFF);
        brand = "Stockfollow" + newSku().substring(4, 8).toLowerCase();
    }

    @AfterEach
    void testProductsOffSale() {
        CatalogAdminFixtures.takeTestProductsOffSale(api, jdbc, staff);
    }

    @Test
    void stockThatArrivesOrIsReservedAwayMovesAProductInAndOutOfTheInStockFilter() {
        String sku = newSku();
        Map<String, Object> form = with(cementForm(sku, CatalogAdminFixtures.categoryId(jdbc, "cement")), "brand", brand);
        form.put("minimumOrderQuantity", 10);
        form.put("prices", List.of(Map.of("minQuantity", 10, "unitPrice", "415.00")));
        Response created = api.postJson("/api/admin/products", json(form), staff);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        follower.catchUp(Instant.now());
        assertThat(inStockOfBrand(true)).isEmpty();
        assertThat(stockFacet().get("false")).isEqualTo(1);

        inventory.receive(sku, 12, "first delivery", 1);
        follower.catchUp(Instant.now());
        assertThat(inStockOfBrand(true)).containsExactly(sku);
        assertThat(stockFacet().get("true")).isEqualTo(1);

        inventory.reserve("ORD-FOLLOW-" + sku, List.of(new Inventory.Line(sku, 3)), Duration.ofMinutes(15));
        follower.catchUp(Instant.now());
        assertThat(inStockOfBrand(true)).as("9 left, below the minimum order of 10").isEmpty();
        assertThat(inStockOfBrand(false)).containsExactly(sku);
    }

    @Test
    void aCheckOfEveryProductPutsRightWhatWasWrittenBehindItsBack() {
        String sku = newSku();
        api.postJson("/api/admin/products", json(with(cementForm(sku, CatalogAdminFixtures.categoryId(jdbc,
                "cement")), "brand", brand)), staff);
        inventory.receive(sku, 50, "first delivery", 1);
        follower.catchUp(Instant.now());
        jdbc.sql("update catalog_product set in_stock = false where sku = ?").param(sku).update(); // e.g. a restore

        follower.catchUp(Instant.now().plus(ProductStockFollower.FULL_CHECK_EVERY).plusSeconds(1));

        assertThat(jdbc.sql("select in_stock from catalog_product where sku = ?").param(sku).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void aChangeStampedByAClockRunningAheadDoesNotHideTheChangesAfterIt() {
        String ahead = newSku();
        String later = newSku();
        long cement = CatalogAdminFixtures.categoryId(jdbc, "cement");
        api.postJson("/api/admin/products", json(with(cementForm(ahead, cement), "brand", brand)), staff);
        api.postJson("/api/admin/products", json(with(cementForm(later, cement), "brand", brand)), staff);
        inventory.receive(ahead, 5, "delivery", 1);
        jdbc.sql("update inventory_stock set updated_at = ? where sku = ?")
                .param(java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1)))).param(ahead).update();
        follower.catchUp(Instant.now());

        inventory.receive(later, 5, "delivery", 1);
        follower.catchUp(Instant.now());

        assertThat(inStockOfBrand(true)).containsExactlyInAnyOrder(ahead, later);
    }

    @Test
    void aLookWithAClockThatWentBackChecksEveryProductInsteadOfSkippingChanges() {
        String sku = newSku();
        api.postJson("/api/admin/products", json(with(cementForm(sku, CatalogAdminFixtures.categoryId(jdbc,
                "cement")), "brand", brand)), staff);
        follower.catchUp(Instant.now().plus(Duration.ofHours(1))); // the clock was ahead, then corrected

        inventory.receive(sku, 50, "delivery", 1);
        follower.catchUp(Instant.now());

        assertThat(inStockOfBrand(true)).containsExactly(sku);
    }

    private List<String> inStockOfBrand(boolean inStock) {
        return api.get("/api/products?brand=" + brand + "&inStock=" + inStock).json().get("content").valueStream()
                .map(product -> product.get("sku").asString()).toList();
    }

    private Map<String, Long> stockFacet() {
        JsonNode facet = api.get("/api/products?brand=" + brand).json().get("facets").get("inStock");
        Map<String, Long> counts = new HashMap<>();
        facet.valueStream().forEach(value -> counts.put(value.get("value").asString(), value.get("count").asLong()));
        return counts;
    }
}
