package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.buildnest.catalog.ProductCatalog.ProductView;
import com.buildnest.shared.Money;

/** The two display modes of buildnest.catalog.prices-include-gst, without Spring. */
class ProductViewTests {

    final Product cement = PricingFixtures.cementBag();

    ProductViewTests() {
        ReflectionTestUtils.setField(cement, "id", 7L);
    }

    @Test
    void pricesShowWithGstWhenTheShopIsConfiguredToIncludeIt() {
        ProductView view = ProductView.of(cement, null, GstRate.of("18"), true, 500);
        assertThat(view.price()).isEqualTo(Money.ofRupees("489.70"));
        assertThat(view.priceExcludingGst()).isEqualTo(Money.ofRupees("415.00"));
        assertThat(view.priceIncludingGst()).isEqualTo(Money.ofRupees("489.70"));
        assertThat(view.tierPrices()).extracting(tier -> tier.unitPrice().toRupees())
                .containsExactly("489.70", "477.90", "469.64");
        assertThat(view.gst().priceIncludesGst()).isTrue();
    }

    @Test
    void pricesShowWithoutGstByDefault() {
        ProductView view = ProductView.of(cement, null, GstRate.of("18"), false, 500);
        assertThat(view.price()).isEqualTo(Money.ofRupees("415.00"));
        assertThat(view.tierPrices()).extracting(tier -> tier.unitPrice().toRupees())
                .containsExactly("415.00", "405.00", "398.00");
        assertThat(view.gst().priceIncludesGst()).isFalse();
    }

    @Test
    void withoutARateTodayPricesShowExclusiveAndTheRateIsNull() {
        ProductView view = ProductView.of(cement, null, null, true, 500);
        assertThat(view.price()).isEqualTo(Money.ofRupees("415.00"));
        assertThat(view.priceIncludingGst()).isNull();
        assertThat(view.gstRate()).isNull();
        assertThat(view.gst().priceIncludesGst()).isFalse();
    }
}
