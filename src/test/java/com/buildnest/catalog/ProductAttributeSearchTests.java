package com.buildnest.catalog;

import static com.buildnest.catalog.CatalogAdminFixtures.categoryId;
import static com.buildnest.catalog.CatalogAdminFixtures.cementForm;
import static com.buildnest.catalog.CatalogAdminFixtures.json;
import static com.buildnest.catalog.CatalogAdminFixtures.newSku;
import static com.buildnest.catalog.CatalogAdminFixtures.put;
import static com.buildnest.catalog.CatalogAdminFixtures.with;
import static com.buildnest.catalog.ProductAttributesApiTests.attribute;
import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

/**
 * Attributes in search: keywords find attribute values, the {@code attribute=name:value} filter
 * narrows, and attribute facets count like the others. Each test makes its own products under a
 * brand of its own, so the counts are exact whatever the demo catalogue holds.
 */
@BuildNestTest
class ProductAttributeSearchTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    String staff;
    String brand;
    String opc53Smooth;
    String opc53Rough;
    String ppcSmooth;

    @BeforeEach
    void threeCementsOfOneBrand() {
        staff = tokens.validFor(tokens.newCustomer(), Role.STAFF);
        brand = "Facetcem" + newSku().substring(4).toLowerCase();
        opc53Smooth = create(List.of(attribute("grade", "OPC 53"), attribute("finish", "Smooth")));
        opc53Rough = create(List.of(attribute("grade", "OPC 53"), attribute("finish", "Rough"),
                attribute("capacity", "1,000 L")));
        ppcSmooth = create(List.of(attribute("grade", "PPC"), attribute("finish", "Smooth")));
    }

    @AfterEach
    void testProductsOffSale() {
        CatalogAdminFixtures.takeTestProductsOffSale(api, jdbc, staff);
    }

    @Test
    void keywordsFindAttributeValuesAndNames() {
        assertThat(skus(search("/api/products/search?query=" + encode("rough " + brand)))).containsExactly(opc53Rough);
        assertThat(skus(search("/api/products?q=" + encode("53 grade " + brand))))
                .containsExactlyInAnyOrder(opc53Smooth, opc53Rough);
        assertThat(skus(search("/api/products?q=" + encode("ppc " + brand)))).containsExactly(ppcSmooth);
    }

    @Test
    void attributeFacetsCountEveryValueOfTheResult() {
        Map<String, Map<String, Long>> facets = attributeFacets(search("/api/products?brand=" + brand));

        assertThat(facets).containsOnlyKeys("capacity", "finish", "grade");
        assertThat(facets.get("grade")).containsExactly(Map.entry("OPC 53", 2L), Map.entry("PPC", 1L));
        assertThat(facets.get("finish")).containsExactly(Map.entry("Smooth", 2L), Map.entry("Rough", 1L));
        assertThat(facets.get("capacity")).containsExactly(Map.entry("1,000 L", 1L));
    }

    @Test
    void anAttributeFilterNarrowsAndItsFacetIgnoresItselfButHonoursTheOthers() {
        JsonNode found = search("/api/products/search?brand=" + brand + "&attribute=" + encode("grade:OPC 53"));

        assertThat(skus(found)).containsExactlyInAnyOrder(opc53Smooth, opc53Rough);
        Map<String, Map<String, Long>> facets = attributeFacets(found);
        assertThat(facets.get("grade")).containsExactly(Map.entry("OPC 53", 2L), Map.entry("PPC", 1L));
        assertThat(facets.get("finish")).containsExactly(Map.entry("Rough", 1L), Map.entry("Smooth", 1L));
        assertThat(found.get("facets").get("brand").valueStream().filter(b -> b.get("value").asString().equals(brand))
                .map(b -> b.get("count").asLong()).toList()).containsExactly(2L);
        assertThat(found.get("facets").get("priceBand").valueStream().mapToLong(b -> b.get("count").asLong()).sum())
                .isEqualTo(2);
    }

    @Test
    void valuesOfOneNameAreAlternativesAndNamesMustAllHold() {
        assertThat(skus(search("/api/products?brand=" + brand + "&attribute=" + encode("grade:opc 53")
                + "&attribute=" + encode("Grade:PPC")))).hasSize(3);
        JsonNode both = search("/api/products?brand=" + brand + "&attribute=" + encode("grade:OPC 53") + "&attribute="
                + encode("finish:Smooth"));
        assertThat(skus(both)).containsExactly(opc53Smooth);
        Map<String, Map<String, Long>> facets = attributeFacets(both);
        assertThat(facets.get("grade")).containsExactly(Map.entry("OPC 53", 1L), Map.entry("PPC", 1L));
        assertThat(facets.get("finish")).containsExactly(Map.entry("Rough", 1L), Map.entry("Smooth", 1L));
        assertThat(skus(search("/api/products?brand=" + brand + "&attribute=" + encode("capacity:1,000 L"))))
                .containsExactly(opc53Rough);
        assertThat(search("/api/products?brand=" + brand + "&attribute=" + encode("colour:Blue")).get("page")
                .get("totalElements").asLong()).isZero();
    }

    @Test
    void aChangedAttributeShowsInSearchAtOnce() {
        long id = jdbc.sql("select id from catalog_product where sku = ?").param(ppcSmooth).query(Long.class).single();

        Response updated = put(api, "/api/admin/products/" + id, with(with(form(ppcSmooth, List.of(
                attribute("grade", "OPC 53"), attribute("finish", "Smooth"))), "version", 0), "brand", brand), staff);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(attributeFacets(search("/api/products?brand=" + brand)).get("grade"))
                .containsExactly(Map.entry("OPC 53", 3L));
        assertThat(skus(search("/api/products?brand=" + brand + "&attribute=" + encode("grade:PPC")))).isEmpty();
    }

    @Test
    void aMalformedAttributeFilterIsABadRequest() {
        for (String filter : List.of("grade", ":OPC 53", "grade:", "grade: ", "gra de:OPC", "53:x", "grade:a|b")) {
            JsonNode problem = assertProblem(api.get("/api/products?attribute=" + encode(filter)), 400,
                    "request.invalid");
            assertThat(problem.get("errors").get(0).get("field").asString()).as(filter).isEqualTo("attribute");
        }
        String tooMany = IntStream.range(0, 21).mapToObj(i -> "attribute=" + encode("name-" + i + ":x"))
                .collect(Collectors.joining("&"));
        assertProblem(api.get("/api/products/search?" + tooMany), 400, "request.invalid");
    }

    @Test
    void theAttributeFilterIsDocumentedInTheOpenApiDocument() {
        JsonNode parameters = api.get("/v3/api-docs").json().get("paths").get("/api/products").get("get")
                .get("parameters");

        JsonNode attribute = parameters.valueStream().filter(p -> p.get("name").asString().equals("attribute"))
                .findFirst().orElseThrow();
        assertThat(attribute.get("in").asString()).isEqualTo("query");
        assertThat(attribute.get("description").asString()).contains("grade:OPC 53");
        assertThat(attribute.get("schema").get("type").asString()).isEqualTo("array");
    }

    private String create(List<Map<String, String>> attributes) {
        String sku = newSku();
        Response created = api.postJson("/api/admin/products", json(with(form(sku, attributes), "brand", brand)),
                staff);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return sku;
    }

    private Map<String, Object> form(String sku, List<Map<String, String>> attributes) {
        // No grade in the name, so "53" is found in the attributes only.
        return with(with(cementForm(sku, categoryId(jdbc, "cement")), "name", "Test Facet Cement"), "attributes",
                attributes);
    }

    private JsonNode search(String path) {
        Response response = api.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> skus(JsonNode page) {
        return page.get("content").valueStream().map(p -> p.get("sku").asString()).toList();
    }

    private static Map<String, Map<String, Long>> attributeFacets(JsonNode page) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        page.get("facets").get("attributes").properties().forEach(name -> {
            Map<String, Long> values = new LinkedHashMap<>();
            name.getValue().forEach(value -> values.put(value.get("value").asString(), value.get("count").asLong()));
            facets.put(name.getKey(), values);
        });
        return facets;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
