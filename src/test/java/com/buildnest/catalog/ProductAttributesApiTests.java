package com.buildnest.catalog;

import static com.buildnest.catalog.CatalogAdminFixtures.categoryId;
import static com.buildnest.catalog.CatalogAdminFixtures.cementForm;
import static com.buildnest.catalog.CatalogAdminFixtures.json;
import static com.buildnest.catalog.CatalogAdminFixtures.newSku;
import static com.buildnest.catalog.CatalogAdminFixtures.productsWithSku;
import static com.buildnest.catalog.CatalogAdminFixtures.put;
import static com.buildnest.catalog.CatalogAdminFixtures.with;
import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** Staff describe products with attributes and images; the shop shows them, over real HTTP. */
@BuildNestTest
class ProductAttributesApiTests {

    static final List<Map<String, String>> CEMENT_ATTRIBUTES = List.of(attribute("Grade", " OPC 53 "),
            attribute("standard", "IS 269"), attribute("pressure-rating", "n/a = not a pipe"));
    static final List<Map<String, String>> CEMENT_IMAGES = List.of(image("/images/catalog/cement.svg", "A 50 kg bag"),
            image("https://cdn.example.in/cement/back.jpg?w=600", "The back of the bag"));

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

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
    void attributesAndImagesGoInOrderThroughTheAdminApiToTheProductPageAndListing() {
        String sku = newSku();
        String brand = "Brand" + sku.substring(4);

        Response created = api.postJson("/api/admin/products", json(with(detailed(sku), "brand", brand)), staff);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        List<String> expectedAttributes = List.of("grade=OPC 53", "standard=IS 269",
                "pressure-rating=n/a = not a pipe");
        List<String> expectedImages = List.of("/images/catalog/cement.svg=A 50 kg bag",
                "https://cdn.example.in/cement/back.jpg?w=600=The back of the bag");
        assertThat(attributes(created.json())).containsExactlyElementsOf(expectedAttributes);
        assertThat(images(created.json())).containsExactlyElementsOf(expectedImages);
        assertThat(attributes(api.get("/api/admin/products/" + id, staff).json()))
                .containsExactlyElementsOf(expectedAttributes);

        JsonNode shown = api.get("/api/products/" + id).json();
        assertThat(attributes(shown)).containsExactlyElementsOf(expectedAttributes);
        assertThat(images(shown)).containsExactlyElementsOf(expectedImages);
        assertThat(shown.get("image").get("url").asString()).isEqualTo("/images/catalog/cement.svg");

        JsonNode listed = api.get("/api/products?brand=" + brand).json().get("content");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("image").get("url").asString()).isEqualTo("/images/catalog/cement.svg");
        assertThat(listed.get(0).get("image").get("alt").asString()).isEqualTo("A 50 kg bag");
    }

    @Test
    void aProductWithoutImagesShowsNoImage() {
        long id = create(cementForm(newSku(), cement));

        JsonNode shown = api.get("/api/products/" + id).json();

        assertThat(shown.get("attributes")).isEmpty();
        assertThat(shown.get("images")).isEmpty();
        assertThat(shown.get("image").isNull()).isTrue();
    }

    @Test
    void anUpdateReplacesAttributesAndImagesAndOneThatRepeatsThemKeepsTheVersion() {
        String sku = newSku();
        long id = create(detailed(sku));

        Response same = put(api, "/api/admin/products/" + id, with(detailed(sku), "version", 0), staff);
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("version").asLong()).isZero();

        Response reordered = put(api, "/api/admin/products/" + id, with(with(with(detailed(sku), "version", 0),
                "attributes", List.of(attribute("standard", "IS 269"), attribute("grade", "OPC 43"))), "images",
                List.of(CEMENT_IMAGES.get(1))), staff);

        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        assertThat(reordered.json().get("version").asLong()).isEqualTo(1);
        assertThat(attributes(reordered.json())).containsExactly("standard=IS 269", "grade=OPC 43");
        JsonNode shown = api.get("/api/products/" + id).json();
        assertThat(attributes(shown)).containsExactly("standard=IS 269", "grade=OPC 43");
        assertThat(shown.get("image").get("url").asString()).isEqualTo("https://cdn.example.in/cement/back.jpg?w=600");
        assertThat(jdbc.sql("select count(*) from catalog_product_image where product_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badAttributesAreRefusedFieldByFieldAndNothingIsStored() {
        String sku = newSku();

        assertRefused(with(detailed(sku), "attributes", List.of(attribute("grade", "OPC 53"), attribute("GRADE", "PPC"))),
                "attributes");
        assertRefused(with(detailed(sku), "attributes", List.of(attribute("53-grade", "x"))), "attributes[0].name");
        assertRefused(with(detailed(sku), "attributes", List.of(attribute("grade value", "x"))), "attributes[0].name");
        assertRefused(with(detailed(sku), "attributes", List.of(attribute("g".repeat(61), "x"))), "attributes[0].name");
        assertRefused(with(detailed(sku), "attributes", List.of(attribute("grade", "  "))), "attributes[0].value");
        assertRefused(with(detailed(sku), "attributes", List.of(attribute("grade", "x".repeat(121)))),
                "attributes[0].value");
        assertRefused(with(detailed(sku), "attributes", List.of(attribute("grade", "OPC|PPC"))), "attributes[0].value");
        assertRefused(with(detailed(sku), "attributes", List.of(attribute("grade", "OPC\n53"))), "attributes[0].value");
        assertRefused(with(detailed(sku), "attributes", IntStream.range(0, 21)
                .mapToObj(i -> attribute("name-" + i, "value")).toList()), "attributes");

        assertThat(productsWithSku(jdbc, sku)).isZero();
        assertThat(jdbc.sql("select count(*) from catalog_product_attribute a join catalog_product p on p.id = a.product_id"
                + " where p.sku = ?").param(sku).query(Long.class).single()).isZero();
    }

    @Test
    void aValueOfExactly120CharactersAndTwentyAttributesAreAccepted() {
        List<Map<String, String>> twenty = new ArrayList<>(IntStream.range(0, 19)
                .mapToObj(i -> attribute("name-" + i, "value")).toList());
        twenty.add(attribute("long", "x".repeat(120)));

        long id = create(with(detailed(newSku()), "attributes", twenty));

        assertThat(api.get("/api/products/" + id).json().get("attributes")).hasSize(20);
    }

    @Test
    void badImagesAreRefusedFieldByFieldAndAnExistingProductKeepsItsImages() {
        String sku = newSku();
        long id = create(detailed(sku));
        Map<String, Object> update = with(detailed(sku), "version", 0);

        for (String url : List.of("http://cdn.example.in/a.jpg", "javascript:alert(1)", "//evil.example/a.jpg",
                "/images/../api/admin/products", "/static/a.svg", "https://cdn.example.in/a b.jpg",
                "https://cdn.example.in/" + "a".repeat(500), "")) {
            assertProblem(put(api, "/api/admin/products/" + id, with(update, "images", List.of(image(url, "alt"))),
                    staff), 400, "request.invalid");
        }
        assertRefusedUpdate(id, with(update, "images", List.of(Map.of("url", "/images/catalog/a.svg"))), "images[0].alt");
        assertRefusedUpdate(id, with(update, "images", List.of(image("/images/catalog/a.svg", "x".repeat(201)))),
                "images[0].alt");
        assertRefusedUpdate(id, with(update, "images", IntStream.range(0, 11)
                .mapToObj(i -> image("/images/catalog/" + i + ".svg", "picture " + i)).toList()), "images");
        assertRefusedUpdate(id, with(update, "images", List.of(CEMENT_IMAGES.get(0),
                image("/images/catalog/cement.svg", "Again"))), "images");

        JsonNode unchanged = api.get("/api/admin/products/" + id, staff).json();
        assertThat(unchanged.get("version").asLong()).isZero();
        assertThat(unchanged.get("images")).hasSize(2);
    }

    private void assertRefused(Map<String, Object> form, String field) {
        JsonNode problem = assertProblem(api.postJson("/api/admin/products", json(form), staff), 400,
                "request.invalid");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .as(json(form.get("attributes"))).containsExactly(field);
    }

    private void assertRefusedUpdate(long id, Map<String, Object> form, String field) {
        JsonNode problem = assertProblem(put(api, "/api/admin/products/" + id, form, staff), 400, "request.invalid");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly(field);
    }

    private Map<String, Object> detailed(String sku) {
        return with(with(cementForm(sku, cement), "attributes", CEMENT_ATTRIBUTES), "images", CEMENT_IMAGES);
    }

    private long create(Map<String, Object> form) {
        Response created = api.postJson("/api/admin/products", json(form), staff);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static Map<String, String> attribute(String name, String value) {
        return Map.of("name", name, "value", value);
    }

    static Map<String, String> image(String url, String alt) {
        return Map.of("url", url, "alt", alt);
    }

    static List<String> attributes(JsonNode product) {
        return product.get("attributes").valueStream()
                .map(a -> a.get("name").asString() + "=" + a.get("value").asString()).toList();
    }

    static List<String> images(JsonNode product) {
        return product.get("images").valueStream().map(i -> i.get("url").asString() + "=" + i.get("alt").asString())
                .toList();
    }
}
