package com.buildnest.catalog;

import static com.buildnest.catalog.DemoCatalogueFiles.PRODUCTS;
import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.catalog.DemoCatalogueFiles.DemoCategory;
import com.buildnest.catalog.DemoCatalogueFiles.DemoProduct;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * Keyword search, filters, facets and sorts over the demo catalogue, through the public API. What
 * the shop must return is worked out from the demo files ({@link DemoCatalogueFiles}).
 */
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
        assertThat(skus(search("/api/products/search?q=cemnet&size=100")))
                .contains("CEM-UTR-OPC53-50", "CEM-ACC-PPC-50", "CEM-AMB-PPC-50", "CEM-DAL-PSC-50");
        assertThat(skus(search("/api/products/search?q=ultratec&size=100"))).containsExactlyInAnyOrderElementsOf(
                DemoCatalogueFiles.skus(DemoCatalogueFiles.where(p -> p.brand().equals("UltraTech"))));
    }

    @Test
    void theStartOfAWordFindsIt() {
        assertThat(skus(search("/api/products/search?q=vitri&size=100"))).contains("TIL-KAJ-VIT-600")
                .containsExactlyInAnyOrderElementsOf(DemoCatalogueFiles.skus(DemoCatalogueFiles.where(p ->
                        Arrays.stream(p.name().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                                .anyMatch(word -> word.startsWith("vitri")))));
    }

    @Test
    void aSizeIsFoundHoweverItIsTyped() {
        for (List<String> ways : List.of(List.of("tmt 12 mm", "tmt 12mm", "TMT 12MM"),
                List.of("2.5 sq mm", "2.5 sqmm", "2.5sq. mm", "2.5 SQ MM wire"),
                List.of("fe 500d", "fe500d", "Fe 500 D"), List.of("opc 53", "opc53"),
                List.of("pipe 110 mm", "pipe 110mm"))) {
            List<String> asWritten = skus(search("/api/products/search?size=100&q=" + encode(ways.get(0))));
            assertThat(asWritten).as(ways.get(0)).isNotEmpty();
            for (String way : ways.subList(1, ways.size())) {
                assertThat(skus(search("/api/products/search?size=100&q=" + encode(way)))).as(way)
                        .containsExactlyInAnyOrderElementsOf(asWritten);
            }
        }
        // every TMT bar is 12 m long, so all of them match; the 12 mm bars come first
        List<String> twelveMillimetres = DemoCatalogueFiles.skus(
                DemoCatalogueFiles.where(p -> p.name().contains("TMT") && p.name().contains(" 12 mm")));
        assertThat(skus(search("/api/products/search?size=100&q=tmt+12mm")).subList(0, twelveMillimetres.size()))
                .containsExactlyInAnyOrderElementsOf(twelveMillimetres);
        assertThat(skus(search("/api/products/search?size=100&q=2.5+sqmm"))).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                DemoCatalogueFiles.skus(DemoCatalogueFiles.where(p -> p.name().contains(" 2.5 sq mm"))));
    }

    @Test
    void aWordThatNamesAShelfRanksTheShelfsProductsFirst() {
        // "cement" is also in the names of the plumber's solvent cements, "tile" in the tile adhesives'
        for (Map.Entry<String, List<DemoProduct>> shelf : Map.of("cement", DemoCatalogueFiles.inCategoryTree("cement"),
                "tiles", DemoCatalogueFiles.inCategoryTree("tiles"), "tile", DemoCatalogueFiles.inCategoryTree("tiles"),
                "paint", Stream.of("interior-paint", "exterior-paint", "enamel-paint")
                        .flatMap(slug -> DemoCatalogueFiles.inCategoryTree(slug).stream()).toList()).entrySet()) {
            List<String> found = skus(search("/api/products/search?size=100&q=" + shelf.getKey()));
            assertThat(found.subList(0, shelf.getValue().size())).as(shelf.getKey())
                    .containsExactlyInAnyOrderElementsOf(DemoCatalogueFiles.skus(shelf.getValue()));
        }
    }

    @Test
    void aTradeNameOrATypoNamesAShelfToo() {
        // catalog/shelf-words.tsv: a contractor asks for "sariya", not for "TMT bars"
        assertThat(skus(search("/api/products/search?size=100&q=sariya")))
                .containsExactlyInAnyOrderElementsOf(DemoCatalogueFiles.skus(DemoCatalogueFiles.inCategoryTree("tmt-bars")));
        assertThat(skus(search("/api/products/search?size=100&q=12mm+sariya")).get(0)).startsWith("TMT-").endsWith("-12");
        assertThat(skus(search("/api/products/search?size=100&q=gitti")))
                .containsExactlyInAnyOrderElementsOf(DemoCatalogueFiles.skus(DemoCatalogueFiles.inCategoryTree("aggregates")));
        List<DemoProduct> cement = DemoCatalogueFiles.inCategoryTree("cement");
        assertThat(skus(search("/api/products/search?size=100&q=cemnt")).subList(0, cement.size()))
                .containsExactlyInAnyOrderElementsOf(DemoCatalogueFiles.skus(cement));
    }

    @Test
    void theWholeNameOfAShelfAboveFindsItsProductsButADepartmentsNameDoesNot() {
        // TMT Bars stand under Steel; few TMT bars say "steel" themselves
        assertThat(skus(search("/api/products/search?size=100&q=tmt+steel")))
                .containsExactlyInAnyOrderElementsOf(DemoCatalogueFiles.skus(DemoCatalogueFiles.inCategoryTree("tmt-bars")));
        // Bricks stand under "Cement & Concrete": that does not make a brick a match for "cement"
        List<String> bricks = DemoCatalogueFiles.skus(DemoCatalogueFiles.inCategoryTree("blocks-bricks"));
        assertThat(skus(search("/api/products/search?size=100&q=cement"))).doesNotContainAnyElementsOf(bricks);
    }

    @Test
    void aParentCategoryFindsTheProductsOfItsChildren() {
        JsonNode found = search("/api/products/search?category=cement-concrete");
        assertThat(found.get("page").get("totalElements").asLong())
                .isEqualTo(DemoCatalogueFiles.inCategoryTree("cement-concrete").size());
        assertThat(search("/api/products?q=cement&category=cement").get("page").get("totalElements").asLong())
                .isEqualTo(DemoCatalogueFiles.where(p -> p.category().equals("cement")).size());
    }

    @Test
    void brandAndPriceFilterExactly() {
        assertThat(skus(search("/api/products?brand=Havells&sort=price,asc&size=100"))).containsExactlyElementsOf(
                DemoCatalogueFiles.byPrice(DemoCatalogueFiles.where(p -> p.brand().equals("Havells")), true));
        assertThat(search("/api/products?brand=Havells&brand=JSW").get("page").get("totalElements").asLong())
                .isEqualTo(DemoCatalogueFiles.where(p -> p.brand().equals("Havells") || p.brand().equals("JSW")).size());
        BigDecimal low = new BigDecimal("350.00");
        BigDecimal high = new BigDecimal("400");
        assertThat(skus(search("/api/products?minPrice=350.00&maxPrice=400&sort=price,asc&size=100")))
                .contains("CEM-ACC-PPC-50", "CEM-AMB-PPC-50", "CEM-DAL-PSC-50")
                .containsExactlyElementsOf(DemoCatalogueFiles.byPrice(DemoCatalogueFiles.where(
                        p -> p.price().compareTo(low) >= 0 && p.price().compareTo(high) <= 0), true));
        assertThat(search("/api/products?inStock=false").get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(search("/api/products?inStock=true").get("page").get("totalElements").asLong())
                .isEqualTo(PRODUCTS.size() - 1);
    }

    @Test
    void facetsCountTheWholeCatalogue() {
        JsonNode facets = search("/api/products").get("facets");
        assertThat(counts(facets.get("priceBand"))).containsExactlyEntriesOf(priceBands(PRODUCTS));
        assertThat(counts(facets.get("inStock")))
                .containsExactly(Map.entry("true", PRODUCTS.size() - 1L), Map.entry("false", 1L));
        Map<String, Long> categories = counts(facets.get("category"));
        for (DemoCategory category : DemoCatalogueFiles.CATEGORIES) {
            assertThat(categories).containsEntry(category.slug(),
                    (long) DemoCatalogueFiles.inCategoryTree(category.slug()).size());
        }
        assertThat(categories.values().stream().filter(n -> n > 0)).hasSameSizeAs(DemoCatalogueFiles.CATEGORIES);
        Map<String, Long> brands = counts(facets.get("brand"));
        assertThat(brands).containsAllEntriesOf(DemoCatalogueFiles.countBy(PRODUCTS, DemoProduct::brand));
        assertThat(brands.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(PRODUCTS.size());
    }

    @Test
    void aFacetIgnoresItsOwnFilterButHonoursTheOthers() {
        JsonNode facets = search("/api/products?category=cement&brand=ACC").get("facets");
        List<DemoProduct> cement = DemoCatalogueFiles.where(p -> p.category().equals("cement"));
        List<DemoProduct> acc = DemoCatalogueFiles.where(p -> p.brand().equals("ACC"));
        assertThat(acc).isNotEmpty().allMatch(p -> p.category().equals("cement"));
        assertThat(counts(facets.get("brand")))
                .containsExactlyInAnyOrderEntriesOf(DemoCatalogueFiles.countBy(cement, DemoProduct::brand));
        assertThat(counts(facets.get("category"))).containsOnly(Map.entry("cement-concrete", (long) acc.size()),
                Map.entry("cement", (long) acc.size()));
        assertThat(counts(facets.get("priceBand"))).containsExactlyEntriesOf(priceBands(acc));
    }

    @Test
    void sortsByPriceNewestAndName() {
        List<DemoProduct> cement = DemoCatalogueFiles.where(p -> p.category().equals("cement"));
        assertThat(skus(search("/api/products?category=cement&sort=price,asc&size=100")))
                .containsExactlyElementsOf(DemoCatalogueFiles.byPrice(cement, true));
        assertThat(skus(search("/api/products?category=cement&sort=price,desc&size=100")))
                .containsExactlyElementsOf(DemoCatalogueFiles.byPrice(cement, false));
        assertThat(skus(search("/api/products?category=cement&sort=name&size=100")))
                .containsExactlyElementsOf(DemoCatalogueFiles.byName(cement));
        assertThat(search("/api/products?sort=newest").get("page").get("totalElements").asLong())
                .isEqualTo(PRODUCTS.size());
        assertThat(search("/api/products?q=cement&sort=rating").get("page").get("totalElements").asLong())
                .isEqualTo(search("/api/products?q=cement").get("page").get("totalElements").asLong());
    }

    @Test
    void pagesNeverRepeatAProduct() {
        for (String sort : List.of("name", "price,asc", "newest", "relevance")) {
            List<String> seen = new ArrayList<>();
            for (int page = 0; page * 25 < PRODUCTS.size(); page++) {
                seen.addAll(skus(search("/api/products?sort=" + sort + "&size=25&page=" + page)));
            }
            assertThat(seen).as(sort).hasSameSizeAs(PRODUCTS).doesNotHaveDuplicates();
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
        assertThat(search("/api/products").get("page").get("totalElements").asLong()).isEqualTo(PRODUCTS.size());
    }

    /** The price bands of the facet, counted from the files: [0, 100), [100, 500) ... rupees. */
    private static Map<String, Long> priceBands(List<DemoProduct> products) {
        Map<String, Long> bands = new LinkedHashMap<>();
        int[] bounds = { 0, 100, 500, 1000, 5000 };
        for (int i = 0; i < bounds.length; i++) {
            BigDecimal from = BigDecimal.valueOf(bounds[i]);
            BigDecimal to = i + 1 < bounds.length ? BigDecimal.valueOf(bounds[i + 1]) : null;
            bands.put(bounds[i] + "-" + (to == null ? "" : to), products.stream().filter(p -> p.price()
                    .compareTo(from) >= 0 && (to == null || p.price().compareTo(to) < 0)).count());
        }
        return bands;
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
        Map<String, Long> counts = new LinkedHashMap<>();
        facet.forEach(value -> counts.put(value.get("value").asString(), value.get("count").asLong()));
        return counts;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
