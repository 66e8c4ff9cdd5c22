package com.buildnest.catalog;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;

import tools.jackson.databind.json.JsonMapper;

/** Products and categories as staff write them, with business names, and the calls that send them. */
final class CatalogAdminFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogAdminFixtures() {
    }

    static String newSku() {
        return "TST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static long categoryId(JdbcClient jdbc, String slug) {
        return jdbc.sql("select id from catalog_category where slug = ?").param(slug).query(Long.class).single();
    }

    /** OPC cement by the bag: ₹415 for 1–49 bags, ₹405 from 50; a truckload of 200 bags; 50 kg each. */
    static Map<String, Object> cementForm(String sku, long categoryId) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("sku", sku);
        form.put("name", "Test OPC 53 Cement, 50 kg");
        form.put("brand", "Testcem");
        form.put("categoryId", categoryId);
        form.put("description", "For slabs and columns.");
        form.put("unit", "bag");
        form.put("hsnCode", "2523");
        form.put("weightGrams", 50_000);
        form.put("minimumOrderQuantity", 1);
        form.put("orderStep", 1);
        form.put("maximumOrderQuantity", 2000);
        form.put("prices", List.of(Map.of("minQuantity", 1, "unitPrice", "415.00"),
                Map.of("minQuantity", 50, "unitPrice", "405.00")));
        form.put("packs", List.of(Map.of("name", "truckload of 200 bags", "baseUnits", 200)));
        return form;
    }

    static Map<String, Object> with(Map<String, Object> form, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(form);
        changed.put(field, value);
        return changed;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Response put(ApiClient api, String path, Object body, String token) {
        return api.send("PUT", path, Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
                HttpRequest.BodyPublishers.ofString(json(body)));
    }

    /** Uploads a CSV file to the import endpoint as a browser form would. */
    static Response importCsv(ApiClient api, byte[] content, String token) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--boundary42\r\nContent-Disposition: form-data; name=\"file\"; filename=\"products.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n--boundary42--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return api.send("POST", "/api/admin/products/import", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "multipart/form-data; boundary=boundary42"),
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    static Response delete(ApiClient api, String path, String token) {
        return api.send("DELETE", path, Map.of("Authorization", "Bearer " + token),
                HttpRequest.BodyPublishers.noBody());
    }

    /**
     * Takes every product a test made (SKU {@code TST-…}) off sale through the API, so the shared
     * context's shop shows only the demo catalogue to the tests that count it.
     */
    static void takeTestProductsOffSale(ApiClient api, JdbcClient jdbc, String staffToken) {
        jdbc.sql("select id from catalog_product where active = true and sku like 'TST-%'").query(Long.class).list()
                .forEach(id -> delete(api, "/api/admin/products/" + id, staffToken));
    }

    static long productsWithSku(JdbcClient jdbc, String sku) {
        return jdbc.sql("select count(*) from catalog_product where sku = ?").param(sku).query(Long.class).single();
    }

    /** The stored row of a product, to compare before and after a refused change. */
    static Map<String, Object> productRow(JdbcClient jdbc, String sku) {
        return jdbc.sql("select * from catalog_product where sku = ?").param(sku).query().singleRow();
    }
}
