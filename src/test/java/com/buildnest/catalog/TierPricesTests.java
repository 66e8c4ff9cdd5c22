package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.buildnest.catalog.TierPrices.Break;
import com.buildnest.catalog.TierPrices.Tier;
import com.buildnest.shared.Money;

class TierPricesTests {

    @Test
    void breaksBecomeContiguousTiersWithAnOpenEndedLastOne() {
        assertThat(PricingFixtures.cementTiers().tiers()).containsExactly(
                new Tier(1, 49L, Money.ofRupees("415.00")), new Tier(50, 199L, Money.ofRupees("405.00")),
                new Tier(200, null, Money.ofRupees("398.00")));
    }

    @Test
    void theUnitPriceIsThatOfTheTierTheQuantityFallsIn() {
        TierPrices cement = PricingFixtures.cementTiers();
        assertThat(cement.unitPriceFor(1)).isEqualTo(Money.ofRupees("415.00"));
        assertThat(cement.unitPriceFor(49)).isEqualTo(Money.ofRupees("415.00"));
        assertThat(cement.unitPriceFor(50)).isEqualTo(Money.ofRupees("405.00"));
        assertThat(cement.unitPriceFor(199)).isEqualTo(Money.ofRupees("405.00"));
        assertThat(cement.unitPriceFor(200)).isEqualTo(Money.ofRupees("398.00"));
        assertThat(cement.unitPriceFor(2000)).isEqualTo(Money.ofRupees("398.00"));
    }

    @Test
    void theTotalIsTheTierUnitPriceTimesTheQuantityToThePaisa() {
        TierPrices cement = PricingFixtures.cementTiers();
        assertThat(cement.totalFor(49)).isEqualTo(Money.ofPaise(2_033_500));
        assertThat(cement.totalFor(50)).isEqualTo(Money.ofPaise(2_025_000));
        assertThat(cement.totalFor(200)).isEqualTo(Money.ofPaise(7_960_000));
        TierPrices tmt = TierPrices.of(500, List.of(new Break(500, Money.ofRupees("66.50")),
                new Break(2000, Money.ofRupees("65.80"))));
        assertThat(tmt.totalFor(1900)).isEqualTo(Money.ofRupees("126350.00"));
        assertThat(tmt.totalFor(2000)).isEqualTo(Money.ofRupees("131600.00"));
    }

    @Test
    void aQuantityBelowTheFirstTierHasNoPrice() {
        TierPrices tmt = TierPrices.of(500, List.of(new Break(500, Money.ofRupees("66.50"))));
        assertThatThrownBy(() -> tmt.unitPriceFor(499)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstBreakStartsAtTheMinimumOrderQuantity() {
        assertThatThrownBy(() -> TierPrices.of(500, List.of(new Break(1, Money.ofRupees("66.50")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum order quantity 500");
    }

    @Test
    void overlappingOrUnorderedBreaksAreRefused() {
        assertThatThrownBy(() -> TierPrices.of(1, List.of(new Break(1, Money.ofRupees("415.00")),
                new Break(1, Money.ofRupees("405.00"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TierPrices.of(1, List.of(new Break(1, Money.ofRupees("415.00")),
                new Break(200, Money.ofRupees("398.00")), new Break(50, Money.ofRupees("398.00")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeAndRisingPricesAreRefused() {
        assertThatThrownBy(() -> TierPrices.of(1, List.of(new Break(1, Money.ofPaise(-1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TierPrices.of(1, List.of(new Break(1, Money.ofRupees("405.00")),
                new Break(50, Money.ofRupees("415.00"))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never pays more");
    }

    @Test
    void aProductWithoutAnyPriceCannotBeMade() {
        assertThatThrownBy(() -> TierPrices.of(1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
