package com.buildnest.catalog;

import static com.buildnest.catalog.DemoCatalogueFiles.CATEGORIES;
import static com.buildnest.catalog.DemoCatalogueFiles.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.catalog.DemoCatalogueFiles.DemoCategory;
import com.buildnest.catalog.DemoCatalogueFiles.DemoProduct;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** The whole demo catalogue, as the embedded default loads it, read back through the public API. */
@BuildNestTest
class DemoCatalogueApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    GstRates gstRates;

    @Autowired
    Clock clock;

    @Test
    void theShopListsEveryDemoProductInTheCategoryAtThePriceTheFilesGive() {
        Map<String, String> listed = new LinkedHashMap<>();
        Map<String, String> prices = new LinkedHashMap<>();
        for (JsonNode product : everyListedProduct(api)) {
            listed.put(product.get("sku").asString(), product.get("category").get("slug").asString());
            prices.put(product.get("sku").asString(), product.get("price").get("amount").asString());
        }
        assertThat(listed).isEqualTo(fromFiles(DemoProduct::category));
        assertThat(prices).isEqualTo(fromFiles(product -> product.price().toPlainString()));
    }

    @Test
    void everyCategoryCountsItsOwnProductsAndThoseOfTheCategoriesBelowIt() {
        for (DemoCategory category : CATEGORIES) {
            JsonNode page = api.get("/api/products?size=1&category=" + category.slug()).json().get("page");
            assertThat(page.get("totalElements").asLong()).as(category.slug())
                    .isEqualTo(DemoCatalogueFiles.inCategoryTree(category.slug()).size());
        }
    }

    @Test
    void everyDemoHsnCodeHasAGstRateInForceToday() {
        LocalDate today = LocalDate.now(clock);
        assertThat(PRODUCTS.stream().map(DemoProduct::hsn).distinct()).allSatisfy(hsn ->
                assertThat(gstRates.rateFor(hsn, today)).as(hsn)
                        .isIn(GstRate.of("5"), GstRate.of("12"), GstRate.of("18")));
    }

    /** Every product on sale, page by page as a shop front would list them. */
    static List<JsonNode> everyListedProduct(ApiClient api) {
        List<JsonNode> products = new ArrayList<>();
        int pages = api.get("/api/products?size=100").json().get("page").get("totalPages").asInt();
        for (int page = 0; page < pages; page++) {
            api.get("/api/products?size=100&page=" + page).json().get("content").forEach(products::add);
        }
        return products;
    }

    private static Map<String, String> fromFiles(Function<DemoProduct, String> value) {
        return PRODUCTS.stream().collect(Collectors.toMap(DemoProduct::sku, value));
    }
}
