package com.buildnest.catalog;

import static com.buildnest.catalog.CatalogAdminFixtures.categoryId;
import static com.buildnest.catalog.CatalogAdminFixtures.cementForm;
import static com.buildnest.catalog.CatalogAdminFixtures.json;
import static com.buildnest.catalog.CatalogAdminFixtures.newSku;
import static com.buildnest.catalog.CatalogAdminFixtures.put;
import static com.buildnest.catalog.CatalogAdminFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * A product page is cached until staff change the product; its stock never is. Listing pages are
 * remembered for a few seconds, and forgotten at once when the catalogue or a product's stock state
 * changes on this replica.
 */
@BuildNestTest
class CatalogCachingTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    String staff;
    String sku;
    long id;

    @BeforeEach
    void aProductOnSale() {
        staff = tokens.validFor(tokens.newCustomer(), Role.STAFF);
        sku = newSku();
        id = api.postJson("/api/admin/products", json(cementForm(sku, categoryId(jdbc, "cement"))), staff).json()
                .get("id").asLong();
    }

    @AfterEach
    void testProductsOffSale() {
        CatalogAdminFixtures.takeTestProductsOffSale(api, jdbc, staff);
    }

    @Test
    void theProductPageIsServedFromTheCacheUntilAnAdministrativeChangeEvictsIt() {
        assertThat(name()).isEqualTo("Test OPC 53 Cement, 50 kg");
        // Behind the application's back: a cached page does not see it.
        jdbc.sql("update catalog_product set name = 'Changed behind the back' where id = ?").param(id).update();
        assertThat(name()).isEqualTo("Test OPC 53 Cement, 50 kg");

        put(api, "/api/admin/products/" + id, with(with(cementForm(sku, categoryId(jdbc, "cement")), "version", 0),
                "name", "Test OPC 43 Cement, 50 kg"), staff);

        assertThat(name()).isEqualTo("Test OPC 43 Cement, 50 kg");
    }

    @Test
    void stockIsAlwaysCurrentOnACachedProductPage() {
        JsonNode before = api.get("/api/products/" + id).json().get("stock");
        assertThat(before.get("status").asString()).isEqualTo("OUT_OF_STOCK");

        inventory.receive(sku, 120, "GRN 1", 0);

        JsonNode after = api.get("/api/products/" + id).json().get("stock");
        assertThat(after.get("status").asString()).isEqualTo("IN_STOCK");
        assertThat(after.get("available").asLong()).isEqualTo(120);
    }

    @Test
    void aListingIsRememberedButAnAdministrativeChangeShowsInTheVeryNextOne() {
        assertThat(listedName()).isEqualTo("Test OPC 53 Cement, 50 kg");
        jdbc.sql("update catalog_product set name = 'Changed behind the back' where id = ?").param(id).update();
        assertThat(listedName()).as("remembered, so not read again").isEqualTo("Test OPC 53 Cement, 50 kg");

        put(api, "/api/admin/products/" + id, with(with(cementForm(sku, categoryId(jdbc, "cement")), "version", 0),
                "name", "Test OPC 43 Cement, 50 kg"), staff);

        assertThat(listedName()).isEqualTo("Test OPC 43 Cement, 50 kg");
    }

    @Test
    void aProductComingIntoStockShowsInTheNextInStockListing(@Autowired ProductStockFollower follower) {
        String inStock = "/api/products/search?query=" + sku + "&inStock=true";
        assertThat(api.get(inStock).json().get("content")).isEmpty();

        inventory.receive(sku, 120, "GRN 1", 0);
        follower.catchUp(java.time.Instant.now());

        assertThat(api.get(inStock).json().get("content")).extracting(p -> p.get("id").asLong()).containsExactly(id);
    }

    private String listedName() {
        return api.get("/api/products/search?query=" + sku).json().get("content").get(0).get("name").asString();
    }

    private String name() {
        return api.get("/api/products/" + id).json().get("name").asString();
    }
}
