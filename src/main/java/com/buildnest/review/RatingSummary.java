package com.buildnest.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A product's ratings in brief: how many reviews gave each number of stars, their count, and their
 * average to one decimal place, rounded half up (4.25 → "4.3"), computed exactly from the integer
 * sum, never through floating point. Without reviews there is no average.
 */
record RatingSummary(long ones, long twos, long threes, long fours, long fives) {

    static final RatingSummary NONE = new RatingSummary(0, 0, 0, 0, 0);

    RatingSummary {
        if (ones < 0 || twos < 0 || threes < 0 || fours < 0 || fives < 0) {
            throw new IllegalArgumentException("a count of ratings cannot be negative");
        }
    }

    /** The summary of ratings counted by stars: {@code byStars[0]} one star … {@code byStars[4]} five. */
    static RatingSummary of(long[] byStars) {
        if (byStars.length != Review.MAX_RATING) {
            throw new IllegalArgumentException("one count for each of 1 to 5 stars");
        }
        return new RatingSummary(byStars[0], byStars[1], byStars[2], byStars[3], byStars[4]);
    }

    long count() {
        return Math.addExact(Math.addExact(Math.addExact(ones, twos), Math.addExact(threes, fours)), fives);
    }

    /** The average with one decimal place, or null without ratings. */
    BigDecimal average() {
        long count = count();
        if (count == 0) {
            return null;
        }
        long stars = ones + 2 * twos + 3 * threes + 4 * fours + 5 * fives;
        return BigDecimal.valueOf(stars).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    /** How many reviews gave each number of stars, keyed "1" to "5", every key present. */
    Map<String, Long> distribution() {
        Map<String, Long> distribution = new LinkedHashMap<>();
        distribution.put("1", ones);
        distribution.put("2", twos);
        distribution.put("3", threes);
        distribution.put("4", fours);
        distribution.put("5", fives);
        return distribution;
    }

    /** As the API shows it: {@code average} such as {@code "4.3"} (null without ratings), count, distribution. */
    record View(String average, long count, Map<String, Long> distribution) {
    }

    View view() {
        BigDecimal average = average();
        return new View(average == null ? null : average.toPlainString(), count(), distribution());
    }
}
