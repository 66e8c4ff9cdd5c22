package com.buildnest.catalog;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * The GST rate of an HSN code on a day, from the effective-dated table {@code catalog_gst_rate}
 * (longest matching prefix wins). Invoices and checkout ask with the day of supply. The table of a
 * day is kept in memory for {@link #REMEMBERED_FOR} (rates change by notification, with a release
 * of the changelog), so listings and checkouts do not read it on every request.
 */
@Service
public class GstRates {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

    private final GstRateRepository rates;
    private final Cache<LocalDate, GstRateTable> tables = Caffeine.newBuilder().maximumSize(32)
            .expireAfterWrite(REMEMBERED_FOR).build();

    GstRates(GstRateRepository rates) {
        this.rates = rates;
    }

    /** The rate for {@code hsn} on {@code day}; refused with {@code catalog.gst-rate-unknown} if none is on record. */
    @Transactional(readOnly = true)
    public GstRate rateFor(String hsn, LocalDate day) {
        return new GstRateTable(rates.findMatching(hsn, day).stream().map(GstRateRow::toEntry).toList())
                .rateFor(hsn, day).orElseThrow(() -> unknown(hsn, day));
    }

    /** Every rate in force on {@code day}, to price a page of products with one query (or none, when remembered). */
    @Transactional(readOnly = true)
    GstRateTable tableOn(LocalDate day) {
        return tables.get(day, d -> new GstRateTable(rates.findInForceOn(d).stream().map(GstRateRow::toEntry).toList()));
    }

    /** Forgets the remembered tables, after rates were written (tests; a future rates administration). */
    void forget() {
        tables.invalidateAll();
    }

    static BusinessRuleViolation unknown(String hsn, LocalDate day) {
        return BusinessRuleViolation.conflict("catalog.gst-rate-unknown",
                "No GST rate is on record for HSN " + hsn + " on " + day + ".");
    }
}
