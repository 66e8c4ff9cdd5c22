package com.buildnest.catalog;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** Keyword search, filters, facets and sorts over the 35-product demo catalogue, through the public API. */
@BuildNestTest
class ProductSearchTests {

    @Autowired
    ApiClient api;

    @Test
    void anExactNameRanksFirst() {
        JsonNode found = search("/api/products/search?query=" + encode("Ambuja Plus PPC Cement, 50 kg"));
        assertThat(skus(found).get(0)).isEqualTo("CEM-AMB-PPC-50");
    }

    @Test
    void aTypoStillFindsTheProduct() {
        assertThat(skus(search("/api/products/search?q=cemnet")))
                .contains("CEM-UTR-OPC53-50", "CEM-ACC-PPC-50", "CEM-AMB-PPC-50", "CEM-DAL-PSC-50");
        assertThat(skus(search("/api/products/search?q=ultratec"))).first().isEqualTo("CEM-UTR-OPC53-50");
    }

    @Test
    void theStartOfAWordFindsIt() {
        assertThat(skus(search("/api/products/search?q=vitri"))).containsExactly("TIL-KAJ-VIT-600");
    }

    @Test
    void aParentCategoryFindsTheProductsOfItsChildren() {
        JsonNode found = search("/api/products/search?category=cement-concrete");
        assertThat(found.get("page").get("totalElements").asLong()).isEqualTo(10);
        assertThat(search("/api/products?q=cement&category=cement").get("page").get("totalElements").asLong())
                .isEqualTo(4);
    }

    @Test
    void brandAndPriceFilterExactly() {
        assertThat(skus(search("/api/products?brand=Havells&sort=price,asc")))
                .containsExactly("ELC-HAV-MCB-32", "ELC-HAV-WIRE-2.5");
        assertThat(search("/api/products?brand=Havells&brand=JSW").get("page").get("totalElements").asLong())
                .isEqualTo(4);
        assertThat(skus(search("/api/products?minPrice=350.00&maxPrice=400&sort=price,asc")))
                .containsExactly("CEM-ACC-PPC-50", "CEM-AMB-PPC-50", "CEM-DAL-PSC-50");
        assertThat(search("/api/products?inStock=false").get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(search("/api/products?inStock=true").get("page").get("totalElements").asLong()).isEqualTo(34);
    }

    @Test
    void facetsCountTheWholeCatalogue() {
        JsonNode facets = search("/api/products").get("facets");
        assertThat(counts(facets.get("priceBand"))).containsExactly(Map.entry("0-100", 8L), Map.entry("100-500", 8L),
                Map.entry("500-1000", 4L), Map.entry("1000-5000", 11L), Map.entry("5000-", 4L));
        assertThat(counts(facets.get("inStock"))).containsExactly(Map.entry("true", 34L), Map.entry("false", 1L));
        Map<String, Long> categories = counts(facets.get("category"));
        assertThat(categories).containsEntry("cement-concrete", 10L).containsEntry("cement", 4L)
                .containsEntry("steel", 6L).containsEntry("tiles", 3L).containsEntry("electrical", 4L);
        assertThat(categories.values().stream().filter(n -> n > 0)).hasSize(14);
        Map<String, Long> brands = counts(facets.get("brand"));
        assertThat(brands).containsEntry("Local quarry", 4L).containsEntry("Havells", 2L).containsEntry("JSW", 2L)
                .containsEntry("UltraTech", 1L);
        assertThat(brands.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(35);
    }

    @Test
    void aFacetIgnoresItsOwnFilterButHonoursTheOthers() {
        JsonNode facets = search("/api/products?category=cement&brand=ACC").get("facets");
        assertThat(counts(facets.get("brand"))).containsOnly(Map.entry("UltraTech", 1L), Map.entry("ACC", 1L),
                Map.entry("Ambuja", 1L), Map.entry("Dalmia", 1L));
        assertThat(counts(facets.get("category"))).containsOnly(Map.entry("cement-concrete", 1L),
                Map.entry("cement", 1L));
        assertThat(counts(facets.get("priceBand"))).containsEntry("100-500", 1L).containsEntry("0-100", 0L);
    }

    @Test
    void sortsByPriceNewestAndName() {
        List<String> cheapestFirst = skus(search("/api/products?category=cement&sort=price,asc"));
        assertThat(cheapestFirst).containsExactly("CEM-ACC-PPC-50", "CEM-AMB-PPC-50", "CEM-DAL-PSC-50",
                "CEM-UTR-OPC53-50");
        assertThat(skus(search("/api/products?category=cement&sort=price,desc")))
                .containsExactly("CEM-UTR-OPC53-50", "CEM-DAL-PSC-50", "CEM-AMB-PPC-50", "CEM-ACC-PPC-50");
        assertThat(skus(search("/api/products?category=cement&sort=name")))
                .containsExactly("CEM-ACC-PPC-50", "CEM-AMB-PPC-50", "CEM-DAL-PSC-50", "CEM-UTR-OPC53-50");
        assertThat(search("/api/products?sort=newest").get("page").get("totalElements").asLong()).isEqualTo(35);
        assertThat(search("/api/products?q=cement&sort=rating").get("page").get("totalElements").asLong())
                .isEqualTo(search("/api/products?q=cement").get("page").get("totalElements").asLong());
    }

    @Test
    void pagesNeverRepeatAProduct() {
        for (String sort : List.of("name", "price,asc", "newest", "relevance")) {
            List<String> seen = new ArrayList<>();
            for (int page = 0; page < 8; page++) {
                seen.addAll(skus(search("/api/products?sort=" + sort + "&size=5&page=" + page)));
            }
            assertThat(seen).as(sort).hasSize(35).doesNotHaveDuplicates();
        }
        assertThat(search("/api/products?page=1000000000&size=100").get("content")).isEmpty();
    }

    @Test
    void badInputIsRefusedOrFindsNothingButNeverFails() {
        assertThat(assertProblem(api.get("/api/products?sort=popularity"), 400, "request.invalid")
                .get("errors").get(0).get("field").asString()).isEqualTo("sort");
        assertProblem(api.get("/api/products/search?minPrice=-1"), 400, "request.invalid");
        assertProblem(api.get("/api/products/search?maxPrice=99999999999"), 400, "request.invalid");
        assertProblem(api.get("/api/products/search?minPrice=abc"), 400, "request.invalid");
        assertProblem(api.get("/api/products/search?minPrice=500&maxPrice=100"), 400, "request.invalid");
        assertThat(search("/api/products/search?size=5000").get("page").get("size").asInt()).isEqualTo(100);
        for (String text : List.of("' OR 1=1 --", "<script>alert(1)</script>", "\"; DROP TABLE catalog_product; --",
                "*:*", "name:(a OR b)~", "%_\\")) {
            Response response = api.get("/api/products/search?q=" + encode(text));
            assertThat(response.status()).as(text).isEqualTo(200);
            assertThat(response.json().get("page").get("totalElements").asLong()).as(text).isZero();
        }
        assertThat(search("/api/products").get("page").get("totalElements").asLong()).isEqualTo(35);
    }

    private JsonNode search(String path) {
        Response response = api.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> skus(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false).map(p -> p.get("sku").asString())
                .toList();
    }

    private static Map<String, Long> counts(JsonNode facet) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        facet.forEach(value -> counts.put(value.get("value").asString(), value.get("count").asLong()));
        return counts;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
