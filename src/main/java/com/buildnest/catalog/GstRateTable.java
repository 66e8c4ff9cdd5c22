package com.buildnest.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * GST rates by HSN code and date. An entry names an HSN prefix ("2523" for all Portland cement, or
 * a full 8-digit code) and the days it applies, {@code effectiveTo} being the last day (null: until
 * further notice). For a product's HSN code the longest prefix in force on the day wins, so a
 * specific code can override its chapter.
 */
public record GstRateTable(List<Entry> entries) {

    /** One row of the table: {@code rate} for codes starting with {@code hsnPrefix}, from..to inclusive. */
    public record Entry(String hsnPrefix, GstRate rate, LocalDate effectiveFrom, LocalDate effectiveTo) {
        public Entry {
            if (hsnPrefix == null || !hsnPrefix.matches("[0-9]{2,8}")) {
                throw new IllegalArgumentException("an HSN prefix is 2 to 8 digits: " + hsnPrefix);
            }
            if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
                throw new IllegalArgumentException("a rate ends on or after it starts: " + hsnPrefix + " "
                        + effectiveFrom + ".." + effectiveTo);
            }
        }

        boolean appliesTo(String hsn, LocalDate day) {
            return hsn.startsWith(hsnPrefix) && !day.isBefore(effectiveFrom)
                    && (effectiveTo == null || !day.isAfter(effectiveTo));
        }
    }

    public GstRateTable {
        entries = List.copyOf(entries);
    }

    /** The rate for {@code hsn} on {@code day}, from the longest matching prefix; empty when none applies. */
    public Optional<GstRate> rateFor(String hsn, LocalDate day) {
        List<Entry> candidates = entries.stream().filter(entry -> entry.appliesTo(hsn, day))
                .sorted(Comparator.comparingInt((Entry entry) -> entry.hsnPrefix().length()).reversed()).toList();
        if (candidates.size() > 1 && candidates.get(0).hsnPrefix().length() == candidates.get(1).hsnPrefix().length()) {
            throw new IllegalStateException("two GST rates for " + candidates.get(0).hsnPrefix() + " on " + day);
        }
        return candidates.stream().findFirst().map(Entry::rate);
    }
}
