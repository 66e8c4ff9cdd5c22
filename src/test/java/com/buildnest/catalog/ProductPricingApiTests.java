package com.buildnest.catalog;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.catalog.ProductCatalog.PriceQuote;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** Units, packs, tier prices and GST of the demo catalogue, over HTTP and through the module API. */
@BuildNestTest
class ProductPricingApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    ProductCatalog catalog;

    @Test
    void cementShowsItsBagPacksTierPricesAndTodaysGstBothWays() {
        Response response = api.get("/api/products/" + CatalogApiTests.idOfSku(api, "CEM-UTR-OPC53-50"));
        JsonNode product = response.json();
        assertThat(product.get("unit").asString()).isEqualTo("bag");
        assertThat(product.get("packs")).isEqualTo(json(response,
                "[{\"name\": \"truckload of 200 bags (10 t)\", \"baseUnits\": 200}]"));
        assertThat(product.get("minimumOrderQuantity").asLong()).isEqualTo(1);
        assertThat(product.get("orderStep").asLong()).isEqualTo(1);
        assertThat(product.get("maximumOrderQuantity").asLong()).isEqualTo(2000);
        assertThat(product.get("price")).isEqualTo(json(response, "{\"amount\": \"415.00\", \"currency\": \"INR\"}"));
        assertThat(product.get("priceExcludingGst").get("amount").asString()).isEqualTo("415.00");
        assertThat(product.get("priceIncludingGst").get("amount").asString()).isEqualTo("489.70");
        assertThat(product.get("tierPrices")).isEqualTo(json(response, """
                [{"minQuantity": 1, "maxQuantity": 49,
                  "unitPrice": {"amount": "415.00", "currency": "INR"},
                  "unitPriceExcludingGst": {"amount": "415.00", "currency": "INR"},
                  "unitPriceIncludingGst": {"amount": "489.70", "currency": "INR"}},
                 {"minQuantity": 50, "maxQuantity": 199,
                  "unitPrice": {"amount": "405.00", "currency": "INR"},
                  "unitPriceExcludingGst": {"amount": "405.00", "currency": "INR"},
                  "unitPriceIncludingGst": {"amount": "477.90", "currency": "INR"}},
                 {"minQuantity": 200, "maxQuantity": null,
                  "unitPrice": {"amount": "398.00", "currency": "INR"},
                  "unitPriceExcludingGst": {"amount": "398.00", "currency": "INR"},
                  "unitPriceIncludingGst": {"amount": "469.64", "currency": "INR"}}]"""));
        assertThat(product.get("hsnCode").asString()).isEqualTo("2523");
        assertThat(product.get("gstRate").decimalValue()).isEqualByComparingTo("18");
        assertThat(product.get("gst").get("hsnCode").asString()).isEqualTo("2523");
        assertThat(product.get("gst").get("rate").decimalValue()).isEqualByComparingTo("18");
        assertThat(product.get("gst").get("priceIncludesGst").asBoolean()).isFalse();
        assertThat(product.get("weightGrams").asLong()).isEqualTo(50_000);
    }

    @Test
    void steelIsSoldByTheKilogramFromHalfATonneInHundredKilogramSteps() {
        Response response = api.get("/api/products/" + CatalogApiTests.idOfSku(api, "TMT-TATA-FE550D-12"));
        JsonNode product = response.json();
        assertThat(product.get("unit").asString()).isEqualTo("kg");
        assertThat(product.get("packs")).isEqualTo(json(response, "[{\"name\": \"tonne of TMT bars\", \"baseUnits\": 1000}]"));
        assertThat(product.get("minimumOrderQuantity").asLong()).isEqualTo(500);
        assertThat(product.get("orderStep").asLong()).isEqualTo(100);
        assertThat(product.get("tierPrices")).extracting(tier -> tier.get("minQuantity").asLong() + ".."
                + (tier.get("maxQuantity").isNull() ? "" : tier.get("maxQuantity").asLong()) + " at "
                + tier.get("unitPrice").get("amount").asString())
                .containsExactly("500..1999 at 66.50", "2000..4999 at 65.80", "5000.. at 65.00");
        assertThat(product.get("weightGrams").asLong()).isEqualTo(1000);
    }

    @Test
    void listItemsCarryTheSameUnitsPricesAndGstAsTheProductPage() {
        JsonNode bricks = null;
        for (JsonNode item : api.get("/api/products?category=blocks-bricks&size=100").json().get("content")) {
            if (item.get("sku").asString().equals("BLK-FLY-230")) {
                bricks = item;
            }
        }
        assertThat(bricks).isNotNull();
        assertThat(bricks.get("unit").asString()).isEqualTo("piece");
        assertThat(bricks.get("minimumOrderQuantity").asLong()).isEqualTo(500);
        assertThat(bricks.get("price").get("amount").asString()).isEqualTo("7.50");
        // fly ash bricks: 12 % GST (notification 14/2025-Central Tax (Rate)), 90 paise on ₹7.50
        assertThat(bricks.get("priceIncludingGst").get("amount").asString()).isEqualTo("8.40");
        assertThat(bricks.get("gst").get("rate").decimalValue()).isEqualByComparingTo("12");
        assertThat(bricks.get("tierPrices")).hasSize(3);
        assertThat(bricks.get("weightGrams").asLong()).isEqualTo(2600);
    }

    @Test
    void everyDemoProductHasAPriceAGstRateAndAWeight() {
        List<JsonNode> content = DemoCatalogueApiTests.everyListedProduct(api);
        assertThat(content).hasSameSizeAs(DemoCatalogueFiles.PRODUCTS);
        assertThat(content).allSatisfy(product -> {
            assertThat(product.get("gst").get("rate").isNull()).as(product.get("sku").asString()).isFalse();
            assertThat(product.get("weightGrams").asLong()).as(product.get("sku").asString()).isPositive();
            assertThat(product.get("tierPrices").get(0).get("minQuantity").asLong())
                    .isEqualTo(product.get("minimumOrderQuantity").asLong());
        });
    }

    @Test
    void twoHundredBagsOfCementOnTheLastDayOfTwentyEightPercent() {
        PriceQuote quote = catalog.quote(idOfSku("CEM-UTR-OPC53-50"), 200, LocalDate.of(2025, 9, 21));
        assertThat(quote.unitPrice()).isEqualTo(Money.ofRupees("398.00"));
        assertThat(quote.lineTotal()).isEqualTo(Money.ofRupees("79600.00"));
        assertThat(quote.gstRate()).isEqualByComparingTo("28");
        assertThat(quote.gstAmount()).isEqualTo(Money.ofRupees("22288.00"));
        assertThat(quote.totalIncludingGst()).isEqualTo(Money.ofRupees("101888.00"));
    }

    @Test
    void twoHundredBagsOfCementOnTheFirstDayOfEighteenPercent() {
        PriceQuote quote = catalog.quote(idOfSku("CEM-UTR-OPC53-50"), 200, LocalDate.of(2025, 9, 22));
        assertThat(quote).isEqualTo(new PriceQuote(quote.productId(), "CEM-UTR-OPC53-50", 200, "bag",
                Money.ofRupees("398.00"), Money.ofRupees("79600.00"), "2523", new BigDecimal("18.00"),
                Money.ofRupees("14328.00"), Money.ofRupees("93928.00"), LocalDate.of(2025, 9, 22)));
    }

    @Test
    void twoTonnesOfSteelArePricedAtTheSecondTier() {
        PriceQuote quote = catalog.quote(idOfSku("TMT-TATA-FE550D-12"), 2000, LocalDate.of(2026, 1, 15));
        assertThat(quote.unitPrice()).isEqualTo(Money.ofRupees("65.80"));
        assertThat(quote.lineTotal()).isEqualTo(Money.ofRupees("131600.00"));
        assertThat(quote.gstAmount()).isEqualTo(Money.ofRupees("23688.00"));
        assertThat(quote.totalIncludingGst()).isEqualTo(Money.ofRupees("155288.00"));
    }

    @Test
    void aQuoteRefusesQuantitiesTheProductIsNotSoldIn() {
        long steel = idOfSku("TMT-TATA-FE550D-12");
        LocalDate day = LocalDate.of(2026, 1, 15);
        assertRefused(() -> catalog.quote(steel, 400, day), "catalog.quantity-below-minimum");
        assertRefused(() -> catalog.quote(steel, 550, day), "catalog.quantity-off-step");
        assertRefused(() -> catalog.quote(steel, 5_000_000, day), "catalog.quantity-above-maximum");
    }

    @Test
    void aQuoteForADayWithoutARateOnRecordIsRefused() {
        assertRefused(() -> catalog.quote(idOfSku("BLK-FLY-230"), 500, LocalDate.of(2017, 6, 30)),
                "catalog.gst-rate-unknown"); // the day before GST began
    }

    @Test
    void aQuoteForAnAbsentProductIsNotFound() {
        assertRefused(() -> catalog.quote(987_654_321L, 1, LocalDate.of(2026, 1, 15)), "catalog.product-not-found");
        assertProblem(api.get("/api/products/987654321"), 404, "catalog.product-not-found");
    }

    private long idOfSku(String sku) {
        return CatalogApiTests.idOfSku(api, sku);
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo(code));
    }

    private static JsonNode json(Response response, String text) {
        return response.mapper().readTree(text);
    }
}
