package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.catalog.GstRateTable.Entry;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.testing.BuildNestTest;

/** The seeded, effective-dated GST table on the real database. */
@BuildNestTest
class GstRatesTests {

    static final LocalDate GST_2_0 = LocalDate.of(2025, 9, 22);

    @Autowired
    GstRates gstRates;

    @Autowired
    GstRateRepository rows;

    List<GstRateRow> added = List.of();

    @AfterEach
    void removeAddedRates() {
        rows.deleteAll(added);
        gstRates.forget();
    }

    @Test
    void cementIsTwentyEightPercentOnTheTwentyFirstOfSeptember2025AndEighteenTheNextDay() {
        assertThat(gstRates.rateFor("2523", LocalDate.of(2025, 9, 21))).isEqualTo(GstRate.of("28"));
        assertThat(gstRates.rateFor("2523", GST_2_0)).isEqualTo(GstRate.of("18"));
        assertThat(gstRates.rateFor("25232910", LocalDate.of(2017, 7, 1))).isEqualTo(GstRate.of("28"));
        assertThat(gstRates.rateFor("25232910", LocalDate.of(2026, 11, 25))).isEqualTo(GstRate.of("18"));
    }

    @Test
    void theSeededRatesCoverTheDemoCatalogue() {
        assertThat(gstRates.rateFor("6815", GST_2_0)).isEqualTo(GstRate.of("12"));
        assertThat(gstRates.rateFor("69041000", GST_2_0)).isEqualTo(GstRate.of("12"));
        assertThat(gstRates.rateFor("85395200", GST_2_0)).isEqualTo(GstRate.of("18"));
        assertThat(gstRates.rateFor("2505", GST_2_0)).isEqualTo(GstRate.of("5"));
        assertThat(gstRates.rateFor("72142090", GST_2_0)).isEqualTo(GstRate.of("18"));
    }

    @Test
    void flyAshBricksAndStoneBlocksCarryTheirRateHistory() {
        assertThat(gstRates.rateFor("68159990", LocalDate.of(2022, 3, 31))).isEqualTo(GstRate.of("5"));
        assertThat(gstRates.rateFor("68159990", LocalDate.of(2022, 4, 1))).isEqualTo(GstRate.of("12"));
        assertThat(gstRates.rateFor("68159990", LocalDate.of(2025, 9, 21))).isEqualTo(GstRate.of("12"));
        assertThat(gstRates.rateFor("68159990", GST_2_0)).isEqualTo(GstRate.of("12"));
        assertThat(gstRates.rateFor("25161100", LocalDate.of(2025, 9, 21))).isEqualTo(GstRate.of("12"));
        assertThat(gstRates.rateFor("25151100", GST_2_0)).isEqualTo(GstRate.of("5"));
    }

    @Test
    void theLongestPrefixStoredWinsOnTheDatabase() {
        added = rows.saveAll(List.of(new GstRateRow(new Entry("99", GstRate.of("18"), GST_2_0, null)),
                new GstRateRow(new Entry("9988", GstRate.of("5"), GST_2_0, null)),
                new GstRateRow(new Entry("99881234", GstRate.of("12"), GST_2_0, null))));
        gstRates.forget();
        assertThat(gstRates.rateFor("99110000", GST_2_0)).isEqualTo(GstRate.of("18"));
        assertThat(gstRates.rateFor("99880000", GST_2_0)).isEqualTo(GstRate.of("5"));
        assertThat(gstRates.rateFor("99881234", GST_2_0)).isEqualTo(GstRate.of("12"));
        assertThat(gstRates.tableOn(GST_2_0).rateFor("99881234", GST_2_0)).contains(GstRate.of("12"));
    }

    @Test
    void aCodeWithoutARateOnTheDayIsRefused() {
        assertThatThrownBy(() -> gstRates.rateFor("2523", LocalDate.of(2017, 6, 30)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("catalog.gst-rate-unknown");
                    assertThat(violation.getMessage()).isEqualTo("No GST rate is on record for HSN 2523 on 2017-06-30.");
                });
        assertThatThrownBy(() -> gstRates.rateFor("6907", LocalDate.of(2025, 9, 21)))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
