package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.buildnest.catalog.GstRateTable.Entry;
import com.buildnest.shared.Money;

class GstRateTableTests {

    static final LocalDate GST_2_0 = LocalDate.of(2025, 9, 22);

    final GstRateTable table = new GstRateTable(List.of(
            new Entry("2523", GstRate.of("28"), LocalDate.of(2017, 7, 1), LocalDate.of(2025, 9, 21)),
            new Entry("2523", GstRate.of("18"), GST_2_0, null),
            new Entry("68", GstRate.of("18"), GST_2_0, null),
            new Entry("6815", GstRate.of("5"), GST_2_0, null),
            new Entry("68159910", GstRate.of("12"), GST_2_0, null)));

    @Test
    void cementIsTaxedAtTwentyEightPercentUntilTheTwentyFirstOfSeptember2025() {
        assertThat(table.rateFor("2523", LocalDate.of(2025, 9, 21))).contains(GstRate.of("28"));
        assertThat(table.rateFor("25232910", LocalDate.of(2025, 9, 21))).contains(GstRate.of("28"));
    }

    @Test
    void cementIsTaxedAtEighteenPercentFromTheTwentySecondOfSeptember2025() {
        assertThat(table.rateFor("2523", GST_2_0)).contains(GstRate.of("18"));
        assertThat(table.rateFor("25232910", LocalDate.of(2026, 11, 25))).contains(GstRate.of("18"));
    }

    @Test
    void theLongestMatchingPrefixWins() {
        assertThat(table.rateFor("6810", GST_2_0)).contains(GstRate.of("18"));
        assertThat(table.rateFor("68159990", GST_2_0)).contains(GstRate.of("5"));
        assertThat(table.rateFor("68159910", GST_2_0)).contains(GstRate.of("12"));
    }

    @Test
    void noRateIsKnownBeforeTheTableStartsOrForAnUnlistedCode() {
        assertThat(table.rateFor("2523", LocalDate.of(2017, 6, 30))).isEmpty();
        assertThat(table.rateFor("6815", LocalDate.of(2025, 9, 21))).isEmpty();
        assertThat(table.rateFor("7214", GST_2_0)).isEmpty();
    }

    @Test
    void twoRatesForTheSamePrefixOnTheSameDayAreAnError() {
        GstRateTable overlapping = new GstRateTable(List.of(new Entry("2523", GstRate.of("28"), GST_2_0, null),
                new Entry("2523", GstRate.of("18"), GST_2_0, null)));
        assertThatThrownBy(() -> overlapping.rateFor("2523", GST_2_0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void gstOnAnAmountIsRoundedHalfUpToThePaisa() {
        GstRate eighteen = GstRate.of("18");
        assertThat(eighteen.taxOn(Money.ofRupees("415.00"))).isEqualTo(Money.ofRupees("74.70"));
        assertThat(eighteen.taxOn(Money.ofPaise(25))).isEqualTo(Money.ofPaise(5)); // 4.5 paise rounds up
        assertThat(eighteen.taxOn(Money.ofPaise(24))).isEqualTo(Money.ofPaise(4)); // 4.32 paise rounds down
        assertThat(GstRate.of("5").taxOn(Money.ofPaise(750))).isEqualTo(Money.ofPaise(38)); // 37.5 rounds up
        assertThat(GstRate.of("28").addTo(Money.ofRupees("415.00"))).isEqualTo(Money.ofRupees("531.20"));
    }

    @Test
    void aRateIsAPercentageWithAtMostTwoDecimals() {
        assertThat(GstRate.of("18").percent()).isEqualByComparingTo("18.00");
        assertThatThrownBy(() -> GstRate.of("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GstRate.of("101")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GstRate.of("0.125")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrefixIsTwoToEightDigitsAndARateEndsAfterItStarts() {
        assertThatThrownBy(() -> new Entry("25x3", GstRate.of("18"), GST_2_0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Entry("2523", GstRate.of("18"), GST_2_0, GST_2_0.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
