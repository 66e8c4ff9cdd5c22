package com.buildnest.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The arithmetic of a product's rating: exact, one decimal place, rounded half up. */
class RatingSummaryTests {

    @Test
    void averagesTheStarsToOneDecimalPlaceRoundingHalfUp() {
        assertThat(summary(0, 0, 0, 3, 1).average()).as("17 / 4 = 4.25").isEqualTo(new BigDecimal("4.3"));
        assertThat(summary(0, 0, 0, 1, 2).average()).as("14 / 3 = 4.666…").isEqualTo(new BigDecimal("4.7"));
        assertThat(summary(2, 1, 0, 0, 0).average()).as("4 / 3 = 1.333…").isEqualTo(new BigDecimal("1.3"));
        assertThat(summary(0, 0, 0, 0, 7).average()).isEqualTo(new BigDecimal("5.0"));
        assertThat(summary(1, 0, 0, 0, 1).average()).isEqualTo(new BigDecimal("3.0"));
        // 1,000,000 ones and 1 five: 1,000,004 / 1,000,001 = 1.000003 → 1.0, no floating-point drift.
        assertThat(summary(1_000_000, 0, 0, 0, 1).average()).isEqualTo(new BigDecimal("1.0"));
    }

    @Test
    void countsEveryReviewAndShowsEachNumberOfStars() {
        RatingSummary summary = summary(1, 0, 2, 3, 4);

        assertThat(summary.count()).isEqualTo(10);
        assertThat(summary.distribution()).containsExactly(Map.entry("1", 1L), Map.entry("2", 0L),
                Map.entry("3", 2L), Map.entry("4", 3L), Map.entry("5", 4L));
        assertThat(summary.view()).isEqualTo(new RatingSummary.View("3.9", 10, summary.distribution()));
    }

    @Test
    void withoutReviewsThereIsNoAverage() {
        assertThat(RatingSummary.NONE.count()).isZero();
        assertThat(RatingSummary.NONE.average()).isNull();
        assertThat(RatingSummary.NONE.view().average()).isNull();
        assertThat(RatingSummary.NONE.distribution()).containsOnlyKeys("1", "2", "3", "4", "5").allSatisfy(
                (stars, count) -> assertThat(count).isZero());
    }

    @Test
    void refusesNegativeCountsAndAWrongNumberOfStars() {
        assertThatThrownBy(() -> summary(0, -1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatingSummary.of(new long[] { 1, 2, 3, 4 })).isInstanceOf(IllegalArgumentException.class);
    }

    private static RatingSummary summary(long ones, long twos, long threes, long fours, long fives) {
        return RatingSummary.of(new long[] { ones, twos, threes, fours, fives });
    }
}
