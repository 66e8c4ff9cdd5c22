package com.buildnest.catalog;

import static com.buildnest.catalog.CatalogAdminFixtures.cementForm;
import static com.buildnest.catalog.CatalogAdminFixtures.json;
import static com.buildnest.catalog.CatalogAdminFixtures.newSku;
import static com.buildnest.catalog.CatalogAdminFixtures.put;
import static com.buildnest.catalog.CatalogAdminFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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
import com.buildnest.inventory.InventoryProperties;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * A category's low-stock threshold is what its products (and those of its sub-categories without
 * one) count as low, unless a product has its own; and every change staff make to the catalogue
 * lands in the audit log with who made it and what changed.
 */
@BuildNestTest
class CategoryThresholdsAndAuditTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    InventoryProperties inventorySettings;

    @Autowired
    JdbcClient jdbc;

    long staffId;
    String staff;
    String admin;

    @BeforeEach
    void people() {
        staffId = tokens.newCustomer();
        staff = tokens.validFor(staffId, Role.STAFF);
        admin = tokens.validFor(tokens.newCustomer(), Role.ADMIN);
    }

    @AfterEach
    void testProductsOffSale() {
        CatalogAdminFixtures.takeTestProductsOffSale(api, jdbc, staff);
    }

    @Test
    void productsFollowTheirCategorysThresholdAndSubCategoriesInheritIt() {
        long cementShelf = createCategory(category(slug(), null, 200L));
        long bulk = createCategory(category(slug(), cementShelf, null));
        String inShelf = createProduct(cementShelf);
        String inBulk = createProduct(bulk);

        assertThat(threshold(inShelf)).isEqualTo(200);
        assertThat(threshold(inBulk)).as("a sub-category without its own follows its parent").isEqualTo(200);
        assertThat(lowStock(inBulk)).as("no stock is below 200").isTrue();

        Response changed = put(api, "/api/admin/categories/" + bulk, category(slugOf(bulk), cementShelf, 20L), staff);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("lowStockThreshold").asLong()).isEqualTo(20);
        assertThat(threshold(inBulk)).isEqualTo(20);
        assertThat(threshold(inShelf)).isEqualTo(200);

        put(api, "/api/admin/categories/" + cementShelf, category(slugOf(cementShelf), null, null), staff);
        assertThat(threshold(inShelf)).as("no threshold anywhere above: the configured default")
                .isEqualTo(inventorySettings.defaultLowStockThreshold());
        assertThat(threshold(inBulk)).isEqualTo(20);
    }

    @Test
    void aProductsOwnThresholdWinsAndAMovedProductFollowsItsNewCategory() {
        long strict = createCategory(category(slug(), null, 500L));
        long relaxed = createCategory(category(slug(), null, 5L));
        String own = createProduct(strict);
        String moved = createProduct(strict);
        inventory.setLowStockThreshold(own, 7L, staffId);

        put(api, "/api/admin/categories/" + strict, category(slugOf(strict), null, 400L), staff);
        assertThat(threshold(own)).isEqualTo(7);
        assertThat(threshold(moved)).isEqualTo(400);

        long id = productId(moved);
        long version = api.get("/api/admin/products/" + id, staff).json().get("version").asLong();
        Response update = put(api, "/api/admin/products/" + id, with(with(cementForm(moved, relaxed), "version",
                version), "name", "Moved cement"), staff);
        assertThat(update.status()).as(update.body()).isEqualTo(200);
        assertThat(threshold(moved)).isEqualTo(5);
    }

    @Test
    void importedProductsFollowTheirCategorysThreshold() {
        long shelf = createCategory(category(slug(), null, 60L));
        String sku = newSku();
        String csv = String.join(",", CatalogCsv.COLUMNS) + "\n" + sku + ",Imported cement,Testcem," + slugOf(shelf)
                + ",,bag,2523,50000,1,1,2000,1=415.00,,true,,\n";

        Response imported = CatalogAdminFixtures.importCsv(api, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                staff);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(threshold(sku)).isEqualTo(60);
        assertThat(auditDetails("catalog.products-imported")).anyMatch(line -> line.contains("created=1"));
    }

    @Test
    void everyCatalogueChangeIsAuditedWithItsAuthorAndWhatChanged() {
        long shelf = createCategory(category(slug(), null, null));
        String sku = createProduct(shelf);
        long id = productId(sku);
        long version = api.get("/api/admin/products/" + id, staff).json().get("version").asLong();

        put(api, "/api/admin/products/" + id, with(with(cementForm(sku, shelf), "version", version), "prices",
                List.of(Map.of("minQuantity", 1, "unitPrice", "399.00"))), staff);
        CatalogAdminFixtures.delete(api, "/api/admin/products/" + id, staff);

        JsonNode log = api.get("/api/admin/audit?action=catalog.product-updated&size=100", admin).json();
        JsonNode update = log.get("content").valueStream()
                .filter(line -> line.get("detail").asString().contains("sku=" + sku)).findFirst().orElseThrow();
        assertThat(update.get("actorId").asLong()).isEqualTo(staffId);
        assertThat(update.get("detail").asString()).contains("prices:", "415.00", "399.00")
                .doesNotContain("version");
        assertThat(auditDetails("catalog.product-created")).anyMatch(line -> line.contains("sku=" + sku));
        assertThat(auditDetails("catalog.product-deactivated")).anyMatch(line -> line.contains("sku=" + sku));
        assertThat(auditDetails("catalog.category-created")).anyMatch(line -> line.contains("category=" + shelf));
    }

    @Test
    void anUpdateThatChangesNothingIsNotAudited() {
        long shelf = createCategory(category(slug(), null, null));
        String sku = createProduct(shelf);
        long id = productId(sku);
        long version = api.get("/api/admin/products/" + id, staff).json().get("version").asLong();

        put(api, "/api/admin/products/" + id, with(cementForm(sku, shelf), "version", version), staff);

        assertThat(auditDetails("catalog.product-updated")).noneMatch(line -> line.contains("sku=" + sku));
    }

    private long threshold(String sku) {
        return inventory.level(sku).lowStockThreshold();
    }

    private boolean lowStock(String sku) {
        return inventory.level(sku).lowStock();
    }

    private List<String> auditDetails(String action) {
        return api.get("/api/admin/audit?action=" + action + "&size=100", admin).json().get("content").valueStream()
                .map(line -> line.get("detail").asString()).toList();
    }

    private long createCategory(Map<String, Object> form) {
        Response created = api.postJson("/api/admin/categories", json(form), staff);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private String createProduct(long categoryId) {
        String sku = newSku();
        Response created = api.postJson("/api/admin/products", json(cementForm(sku, categoryId)), staff);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return sku;
    }

    private long productId(String sku) {
        return jdbc.sql("select id from catalog_product where sku = ?").param(sku).query(Long.class).single();
    }

    private String slugOf(long categoryId) {
        return jdbc.sql("select slug from catalog_category where id = ?").param(categoryId).query(String.class)
                .single();
    }

    private static Map<String, Object> category(String slug, Long parentId, Long threshold) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("slug", slug);
        form.put("name", "Test shelf " + slug);
        form.put("parentId", parentId);
        form.put("lowStockThreshold", threshold);
        return form;
    }

    private static String slug() {
        return "test-" + newSku().substring(4).toLowerCase();
    }
}
