package com.buildnest.catalog;

import static com.buildnest.catalog.CatalogAdminFixtures.categoryId;
import static com.buildnest.catalog.CatalogAdminFixtures.cementForm;
import static com.buildnest.catalog.CatalogAdminFixtures.delete;
import static com.buildnest.catalog.CatalogAdminFixtures.json;
import static com.buildnest.catalog.CatalogAdminFixtures.newSku;
import static com.buildnest.catalog.CatalogAdminFixtures.productsWithSku;
import static com.buildnest.catalog.CatalogAdminFixtures.put;
import static com.buildnest.catalog.CatalogAdminFixtures.with;
import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** Staff create, read, change and take products and categories off sale, over real HTTP. */
@BuildNestTest
class CatalogAdminApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    String staff;
    long cement;

    @BeforeEach
    void staffMember() {
        staff = tokens.validFor(tokens.newCustomer(), Role.STAFF);
        cement = categoryId(jdbc, "cement");
    }

    @AfterEach
    void testProductsOffSale() {
        CatalogAdminFixtures.takeTestProductsOffSale(api, jdbc, staff);
    }

    @Test
    void staffCreateAProductThatTheShopShowsAndInventoryTracks() {
        String sku = newSku();

        Response created = api.postJson("/api/admin/products", json(cementForm(sku, cement)), staff);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode product = created.json();
        long id = product.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/admin/products/" + id);
        assertThat(product.get("sku").asString()).isEqualTo(sku);
        assertThat(product.get("name").asString()).isEqualTo("Test OPC 53 Cement, 50 kg");
        assertThat(product.get("brand").asString()).isEqualTo("Testcem");
        assertThat(product.get("categoryId").asLong()).isEqualTo(cement);
        assertThat(product.get("unit").asString()).isEqualTo("bag");
        assertThat(product.get("hsnCode").asString()).isEqualTo("2523");
        assertThat(product.get("weightGrams").asLong()).isEqualTo(50_000);
        assertThat(product.get("minimumOrderQuantity").asLong()).isEqualTo(1);
        assertThat(product.get("maximumOrderQuantity").asLong()).isEqualTo(2000);
        assertThat(product.get("prices").get(1).get("minQuantity").asLong()).isEqualTo(50);
        assertThat(product.get("prices").get(1).get("unitPrice").get("amount").asString()).isEqualTo("405.00");
        assertThat(product.get("packs").get(0).get("name").asString()).isEqualTo("truckload of 200 bags");
        assertThat(product.get("packs").get(0).get("baseUnits").asLong()).isEqualTo(200);
        assertThat(product.get("active").asBoolean()).isTrue();
        assertThat(product.get("version").asLong()).isZero();

        JsonNode shown = api.get("/api/products/" + id).json();
        assertThat(shown.get("sku").asString()).isEqualTo(sku);
        assertThat(shown.get("priceExcludingGst").get("amount").asString()).isEqualTo("415.00");
        assertThat(shown.get("gstRate").decimalValue()).isEqualByComparingTo("18");
        assertThat(shown.get("stock").get("status").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(inventory.level(sku).onHand()).isZero();
        assertThat(api.get("/api/admin/products/" + id, staff).json()).isEqualTo(product);
    }

    @Test
    void anUpdateWithTheCurrentVersionChangesTheProductAndTheShopShowsItAtOnce() {
        String sku = newSku();
        long id = create(sku);
        assertThat(api.get("/api/products/" + id).json().get("name").asString())
                .isEqualTo("Test OPC 53 Cement, 50 kg"); // now cached

        Response updated = put(api, "/api/admin/products/" + id, with(with(cementForm(sku, cement), "version", 0),
                "name", "Test PPC Cement, 50 kg"), staff);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Test PPC Cement, 50 kg");
        assertThat(updated.json().get("version").asLong()).isEqualTo(1);
        assertThat(api.get("/api/products/" + id).json().get("name").asString()).isEqualTo("Test PPC Cement, 50 kg");
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheVersion() {
        String sku = newSku();
        long id = create(sku);

        Response updated = put(api, "/api/admin/products/" + id, with(cementForm(sku, cement), "version", 0), staff);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isZero();
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        String sku = newSku();
        long id = create(sku);
        put(api, "/api/admin/products/" + id, with(with(cementForm(sku, cement), "version", 0), "name", "First"),
                staff);
        Map<String, Object> before = CatalogAdminFixtures.productRow(jdbc, sku);

        assertProblem(put(api, "/api/admin/products/" + id,
                with(with(cementForm(sku, cement), "version", 0), "name", "Second"), staff), 409,
                "request.concurrent-change");

        assertThat(CatalogAdminFixtures.productRow(jdbc, sku)).isEqualTo(before);
        assertThat(api.get("/api/admin/products/" + id, staff).json().get("name").asString()).isEqualTo("First");
    }

    @Test
    void anUpdateWithoutAVersionOrWithAnotherSkuIsRefused() {
        String sku = newSku();
        long id = create(sku);
        Map<String, Object> before = CatalogAdminFixtures.productRow(jdbc, sku);

        assertThat(assertProblem(put(api, "/api/admin/products/" + id, cementForm(sku, cement), staff), 400,
                "request.invalid").get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertProblem(put(api, "/api/admin/products/" + id, with(cementForm(newSku(), cement), "version", 0), staff),
                422, "catalog.sku-immutable");

        assertThat(CatalogAdminFixtures.productRow(jdbc, sku)).isEqualTo(before);
    }

    @Test
    void deletingTakesTheProductOffSaleButKeepsItForOrderHistory() {
        String sku = newSku();
        long id = create(sku);
        assertThat(api.get("/api/products/" + id).status()).isEqualTo(200); // now cached

        assertThat(delete(api, "/api/admin/products/" + id, staff).status()).isEqualTo(204);
        assertThat(delete(api, "/api/admin/products/" + id, staff).status()).isEqualTo(204);

        assertProblem(api.get("/api/products/" + id), 404, "catalog.product-not-found");
        JsonNode kept = api.get("/api/admin/products/" + id, staff).json();
        assertThat(kept.get("active").asBoolean()).isFalse();
        assertThat(kept.get("sku").asString()).isEqualTo(sku);
        assertThat(productsWithSku(jdbc, sku)).isEqualTo(1);
        assertProblem(delete(api, "/api/admin/products/987654321", staff), 404, "catalog.product-not-found");
    }

    @Test
    void aTakenSkuIsRefusedAndTheFirstProductIsUnchanged() {
        String sku = newSku();
        create(sku);
        Map<String, Object> before = CatalogAdminFixtures.productRow(jdbc, sku);

        assertProblem(api.postJson("/api/admin/products", json(with(cementForm(sku, cement), "name", "Impostor")),
                staff), 409, "catalog.sku-taken");

        assertThat(CatalogAdminFixtures.productRow(jdbc, sku)).isEqualTo(before);
        assertThat(productsWithSku(jdbc, sku)).isEqualTo(1);
    }

    static Stream<Arguments> malformedProducts() {
        return Stream.of(Arguments.of("sku", "lower-case"), Arguments.of("sku", "X"), Arguments.of("sku", "A B"),
                Arguments.of("name", " "), Arguments.of("name", "n".repeat(201)), Arguments.of("unit", "barrel"),
                Arguments.of("unit", null), Arguments.of("hsnCode", "25"), Arguments.of("hsnCode", "25231"),
                Arguments.of("hsnCode", "25A3"), Arguments.of("weightGrams", -1),
                Arguments.of("weightGrams", 50_000_001), Arguments.of("minimumOrderQuantity", 0),
                Arguments.of("maximumOrderQuantity", 1_000_000_001L), Arguments.of("categoryId", null),
                Arguments.of("prices", List.of()),
                Arguments.of("prices", List.of(Map.of("minQuantity", 1, "unitPrice", "-1.00"))),
                Arguments.of("prices", List.of(Map.of("minQuantity", 1, "unitPrice", "415.001"))),
                Arguments.of("prices", List.of(Map.of("minQuantity", 1, "unitPrice", "99999999"))),
                Arguments.of("prices", List.of(Map.of("minQuantity", 1, "unitPrice", "1e3"))),
                Arguments.of("packs", List.of(Map.of("name", "pallet|40", "baseUnits", 40))),
                Arguments.of("packs", List.of(Map.of("name", "pallet", "baseUnits", 0))));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("malformedProducts")
    void aMalformedProductIsRefusedWithTheFieldNamedAndNothingIsCreated(String field, Object value) {
        String sku = field.equals("sku") ? String.valueOf(value) : newSku();

        JsonNode problem = assertProblem(api.postJson("/api/admin/products",
                json(with(cementForm(sku, cement), field, value)), staff), 400, "request.invalid");

        assertThat(problem.get("errors").get(0).get("field").asString()).startsWith(field);
        assertThat(productsWithSku(jdbc, sku)).isZero();
    }

    static Stream<Arguments> productsBreakingARule() {
        return Stream.of(
                Arguments.of("prices", List.of(Map.of("minQuantity", 1, "unitPrice", "400.00"),
                        Map.of("minQuantity", 50, "unitPrice", "410.00")), "catalog.invalid-product"),
                Arguments.of("prices", List.of(Map.of("minQuantity", 5, "unitPrice", "400.00")),
                        "catalog.invalid-product"),
                Arguments.of("maximumOrderQuantity", 2000, "catalog.invalid-product"), // step 3 from 1 misses 2000
                Arguments.of("packs", List.of(Map.of("name", "pallet", "baseUnits", 40),
                        Map.of("name", "pallet", "baseUnits", 80)), "catalog.invalid-product"),
                Arguments.of("hsnCode", "0101", "catalog.gst-rate-unknown"),
                Arguments.of("categoryId", 987_654_321L, "catalog.category-not-found"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("productsBreakingARule")
    void aProductBreakingACatalogueRuleIsUnprocessableAndNothingIsCreated(String field, Object value, String code) {
        String sku = newSku();
        Map<String, Object> form = with(cementForm(sku, cement), field, value);
        if (field.equals("maximumOrderQuantity")) {
            form = with(form, "orderStep", 3);
        }

        JsonNode problem = assertProblem(api.postJson("/api/admin/products", json(form), staff), 422, code);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(productsWithSku(jdbc, sku)).isZero();
    }

    @Test
    void staffManageCategories() {
        Response created = api.postJson("/api/admin/categories",
                "{\"slug\": \"" + slug() + "\", \"name\": \"Waterproofing\", \"parentId\": " + cement + "}", staff);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/admin/categories/" + id);
        assertThat(created.json().get("parentId").asLong()).isEqualTo(cement);
        assertThat(childrenOf(cement)).contains("Waterproofing");

        String newSlug = slug();
        Response renamed = put(api, "/api/admin/categories/" + id,
                Map.of("slug", newSlug, "name", "Waterproofing & Sealants", "position", 7), staff);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("slug").asString()).isEqualTo(newSlug);
        assertThat(renamed.json().get("parentId").isNull()).isTrue();
        assertThat(renamed.json().get("position").asInt()).isEqualTo(7);
        assertThat(rootNames()).contains("Waterproofing & Sealants");
        assertThat(childrenOf(cement)).doesNotContain("Waterproofing");

        assertThat(delete(api, "/api/admin/categories/" + id, staff).status()).isEqualTo(204);
        assertProblem(api.get("/api/admin/categories/" + id, staff), 404, "catalog.category-not-found");
        assertThat(rootNames()).doesNotContain("Waterproofing & Sealants");
    }

    @Test
    void aCategoryWithProductsOrSubCategoriesCannotBeDeleted() {
        long parent = api.postJson("/api/admin/categories", "{\"slug\": \"" + slug() + "\", \"name\": \"Parent\"}",
                staff).json().get("id").asLong();
        long child = api.postJson("/api/admin/categories",
                "{\"slug\": \"" + slug() + "\", \"name\": \"Child\", \"parentId\": " + parent + "}", staff).json()
                .get("id").asLong();
        String sku = newSku();
        long product = idOf(api.postJson("/api/admin/products", json(cementForm(sku, child)), staff));

        assertProblem(delete(api, "/api/admin/categories/" + parent, staff), 409, "catalog.category-in-use");
        assertProblem(delete(api, "/api/admin/categories/" + child, staff), 409, "catalog.category-in-use");
        delete(api, "/api/admin/products/" + product, staff);
        assertProblem(delete(api, "/api/admin/categories/" + child, staff), 409, "catalog.category-in-use");

        assertThat(api.get("/api/admin/categories/" + parent, staff).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/categories/" + child, staff).json().get("parentId").asLong())
                .isEqualTo(parent);

        // Once the product has moved to another shelf, the empty categories go.
        assertThat(put(api, "/api/admin/products/" + product, with(with(cementForm(sku, cement), "version", 1),
                "active", false), staff).status()).isEqualTo(200);
        assertThat(delete(api, "/api/admin/categories/" + child, staff).status()).isEqualTo(204);
        assertThat(delete(api, "/api/admin/categories/" + parent, staff).status()).isEqualTo(204);
    }

    @Test
    void aTakenSlugAMissingParentAndACycleAreRefusedAndChangeNothing() {
        String parentSlug = slug();
        long parent = api.postJson("/api/admin/categories", "{\"slug\": \"" + parentSlug + "\", \"name\": \"P\"}",
                staff).json().get("id").asLong();
        long child = api.postJson("/api/admin/categories",
                "{\"slug\": \"" + slug() + "\", \"name\": \"C\", \"parentId\": " + parent + "}", staff).json()
                .get("id").asLong();

        assertProblem(api.postJson("/api/admin/categories", "{\"slug\": \"cement\", \"name\": \"Again\"}", staff),
                409, "catalog.slug-taken");
        assertProblem(api.postJson("/api/admin/categories",
                "{\"slug\": \"" + slug() + "\", \"name\": \"Orphan\", \"parentId\": 987654321}", staff), 422,
                "catalog.category-not-found");
        assertProblem(put(api, "/api/admin/categories/" + parent,
                Map.of("slug", parentSlug, "name", "P", "parentId", child), staff), 422, "catalog.category-cycle");
        assertProblem(api.postJson("/api/admin/categories", "{\"slug\": \"Not A Slug\", \"name\": \"X\"}", staff),
                400, "request.invalid");

        JsonNode unchanged = api.get("/api/admin/categories/" + parent, staff).json();
        assertThat(unchanged.get("parentId").isNull()).isTrue();
        assertThat(unchanged.get("slug").asString()).isEqualTo(parentSlug);
        assertThat(jdbc.sql("select count(*) from catalog_category where name in ('Again', 'Orphan', 'X')")
                .query(Long.class).single()).isZero();
        delete(api, "/api/admin/categories/" + child, staff);
        delete(api, "/api/admin/categories/" + parent, staff);
    }

    @Test
    void theUnitsAFormAcceptsAreExactlyTheSellingUnits() {
        assertThat(Arrays.stream(SellingUnit.values()).map(SellingUnit::code).collect(Collectors.joining("|")))
                .isEqualTo(ProductForm.UNITS);
    }

    private long create(String sku) {
        return idOf(api.postJson("/api/admin/products", json(cementForm(sku, cement)), staff));
    }

    private static long idOf(Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String slug() {
        return "test-" + newSku().substring(4).toLowerCase();
    }

    private List<String> rootNames() {
        return api.get("/api/categories").json().valueStream().map(node -> node.get("name").asString()).toList();
    }

    private List<String> childrenOf(long categoryId) {
        return api.get("/api/categories").json().valueStream().flatMap(root -> Stream.concat(Stream.of(root),
                root.get("children").valueStream())).filter(node -> node.get("id").asLong() == categoryId)
                .flatMap(node -> node.get("children").valueStream()).map(node -> node.get("name").asString())
                .toList();
    }
}
