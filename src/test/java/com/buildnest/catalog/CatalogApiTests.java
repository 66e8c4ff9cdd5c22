package com.buildnest.catalog;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** The demo catalogue of the embedded default, read through the public API. */
@BuildNestTest
class CatalogApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    Inventory inventory;

    @Test
    void categoriesFormATreeOfTheTrade() {
        JsonNode tree = api.get("/api/categories").json();
        JsonNode cementAndConcrete = find(tree, "cement-concrete");
        assertThat(cementAndConcrete.get("name").asString()).isEqualTo("Cement & Concrete");
        assertThat(cementAndConcrete.get("children")).extracting(c -> c.get("slug").asString())
                .containsExactly("cement", "blocks-bricks", "sand-aggregates");
    }

    @Test
    void productsComeInPagesWithTheContractsEnvelope() {
        Response response = api.get("/api/products?page=1&size=10");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("content")).hasSize(10);
        assertThat(body.get("page").get("number").asInt()).isEqualTo(1);
        assertThat(body.get("page").get("size").asInt()).isEqualTo(10);
        int products = DemoCatalogueFiles.PRODUCTS.size();
        assertThat(body.get("page").get("totalElements").asLong()).isEqualTo(products);
        assertThat(body.get("page").get("totalPages").asInt()).isEqualTo((products + 9) / 10);
    }

    @Test
    void pageSizeIsCappedAtOneHundred() {
        JsonNode page = api.get("/api/products?size=5000").json().get("page");
        assertThat(page.get("size").asInt()).isEqualTo(100);
    }

    @Test
    void nonsensePagingIsABadRequest() {
        assertProblem(api.get("/api/products?page=-1"), 400, "request.invalid");
        assertProblem(api.get("/api/products?size=0"), 400, "request.invalid");
        assertProblem(api.get("/api/products?size=lots"), 400, "request.malformed");
    }

    @Test
    void aCategoryListsItsOwnProductsAndThoseOfItsSubcategories() {
        JsonNode cement = api.get("/api/products?category=cement&size=100").json();
        assertThat(cement.get("page").get("totalElements").asLong())
                .isEqualTo(DemoCatalogueFiles.where(p -> p.category().equals("cement")).size());
        assertThat(cement.get("content")).allSatisfy(p ->
                assertThat(p.get("category").get("slug").asString()).isEqualTo("cement"));
        JsonNode steel = api.get("/api/products?category=steel&size=100").json();
        assertThat(steel.get("content")).extracting(p -> p.get("category").get("slug").asString())
                .contains("tmt-bars", "structural-steel", "roofing").doesNotContain("steel");
        assertThat(steel.get("page").get("totalElements").asLong())
                .isEqualTo(DemoCatalogueFiles.inCategoryTree("steel").size());
    }

    @Test
    void unknownCategoryIsNotFound() {
        assertProblem(api.get("/api/products?category=gold-bars"), 404, "catalog.category-not-found");
    }

    /** Steel is counted in kilograms since packs and tiers arrived (half a tonne is 500 kg): ₹66,500 a tonne is ₹66.50 a kg. */
    @Test
    void productShowsExactPriceInRupeesWithHsnAndGst() {
        long id = idOfSku("TMT-TATA-FE550D-12");
        JsonNode product = api.get("/api/products/" + id).json();
        assertThat(product.get("name").asString()).isEqualTo("Tata Tiscon Fe 550D TMT Bar 12 mm");
        assertThat(product.get("unit").asString()).isEqualTo("kg");
        assertThat(product.get("price").get("amount").asString()).isEqualTo("66.50");
        assertThat(product.get("price").get("currency").asString()).isEqualTo("INR");
        assertThat(product.get("hsnCode").asString()).isEqualTo("7214");
        assertThat(product.get("gstRate").decimalValue()).isEqualByComparingTo("18");
    }

    @Test
    void productsShowWhetherTheyCanBeOrderedFromStock() {
        JsonNode cement = api.get("/api/products/" + idOfSku(api, "CEM-UTR-OPC53-50")).json().get("stock");
        assertThat(cement.get("status").asString()).isEqualTo("IN_STOCK");
        assertThat(cement.get("available").asLong()).isEqualTo(400);
        JsonNode soldOut = api.get("/api/products/" + idOfSku(api, DemoCatalogue.SOLD_OUT_SKU)).json().get("stock");
        assertThat(soldOut.get("status").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(soldOut.get("available").asLong()).isZero();
        assertThat(api.get("/api/products?size=100").json().get("content"))
                .allSatisfy(product -> assertThat(product.get("stock").get("status").asString()).isNotBlank());
    }

    @Test
    void demoStockIncludesAProductRunningLow() {
        assertThat(inventory.level(DemoCatalogue.LOW_STOCK_SKU).lowStock()).isTrue();
        assertThat(inventory.level(DemoCatalogue.LOW_STOCK_SKU).available()).isEqualTo(3);
    }

    @Test
    void absentProductIsNotFound() {
        assertProblem(api.get("/api/products/987654321"), 404, "catalog.product-not-found");
        assertProblem(api.get("/api/products/not-a-number"), 400, "request.malformed");
    }

    /** The id of a product on sale, found by searching for its SKU (a whole SKU ranks first). */
    static long idOfSku(ApiClient api, String sku) {
        for (JsonNode product : api.get("/api/products?size=100&q=" + sku).json().get("content")) {
            if (product.get("sku").asString().equals(sku)) {
                return product.get("id").asLong();
            }
        }
        throw new AssertionError("no product " + sku + " in the demo catalogue");
    }

    private long idOfSku(String sku) {
        return idOfSku(api, sku);
    }

    private static JsonNode find(JsonNode nodes, String slug) {
        for (JsonNode node : nodes) {
            if (node.get("slug").asString().equals(slug)) {
                return node;
            }
        }
        throw new AssertionError("no category " + slug);
    }
}
