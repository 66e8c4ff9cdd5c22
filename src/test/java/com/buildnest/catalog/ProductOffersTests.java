package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.catalog.ProductCatalog.Offer;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;
import com.buildnest.testing.StatementCounter.Counted;

/** Offers for many products at once, as a cart asks for them. */
@BuildNestTest
class ProductOffersTests {

    static final LocalDate DAY = LocalDate.of(2026, 1, 15);

    @Autowired
    ApiClient api;

    @Autowired
    ProductCatalog catalog;

    @Test
    void offersCarryOrderingTiersAndTheDaysRateAndQuoteLikeTheSingleQuote() {
        long cement = CatalogApiTests.idOfSku(api, "CEM-UTR-OPC53-50");
        long steel = CatalogApiTests.idOfSku(api, "TMT-TATA-FE550D-12");

        Map<Long, Offer> offers = catalog.offers(List.of(cement, steel, 987_654_321L), DAY);

        assertThat(offers).containsOnlyKeys(cement, steel);
        Offer bags = offers.get(cement);
        assertThat(bags.sku()).isEqualTo("CEM-UTR-OPC53-50");
        assertThat(bags.unit()).isEqualTo("bag");
        assertThat(bags.ordering()).isEqualTo(new OrderQuantityRule(1, 1, 2000));
        assertThat(bags.prices().unitPriceFor(200)).isEqualTo(Money.ofRupees("398.00"));
        assertThat(bags.gstRate().percent()).isEqualByComparingTo("18");
        assertThat(bags.quote(200)).isEqualTo(catalog.quote(cement, 200, DAY));
        assertThat(offers.get(steel).quote(2000)).isEqualTo(catalog.quote(steel, 2000, DAY));
    }

    @Test
    void offersCostTwoStatementsHoweverManyProducts() {
        List<Long> all = api.get("/api/products?size=100").json().get("content").valueStream()
                .map(product -> product.get("id").asLong()).toList();
        Counted<Map<Long, Offer>> counted = StatementCounter.counted(() -> catalog.offers(all, DAY));

        Map<Long, Offer> offers = counted.result();
        assertThat(counted.statements()).as(String.join("\n", counted.statements())).hasSizeLessThanOrEqualTo(2);
        assertThat(offers).hasSize(all.size()).hasSizeGreaterThan(10);
        assertThat(catalog.offers(List.of(), DAY)).isEmpty();
    }
}
