package com.buildnest.catalog;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * The GST rate of an HSN code on a day, from the effective-dated table {@code catalog_gst_rate}
 * (longest matching prefix wins). Invoices and checkout ask with the day of supply.
 */
@Service
public class GstRates {

    private final GstRateRepository rates;

    GstRates(GstRateRepository rates) {
        this.rates = rates;
    }

    /** The rate for {@code hsn} on {@code day}; refused with {@code catalog.gst-rate-unknown} if none is on record. */
    @Transactional(readOnly = true)
    public GstRate rateFor(String hsn, LocalDate day) {
        return new GstRateTable(rates.findMatching(hsn, day).stream().map(GstRateRow::toEntry).toList())
                .rateFor(hsn, day).orElseThrow(() -> unknown(hsn, day));
    }

    /** Every rate in force on {@code day}, to price a page of products with one query. */
    @Transactional(readOnly = true)
    GstRateTable tableOn(LocalDate day) {
        return new GstRateTable(rates.findInForceOn(day).stream().map(GstRateRow::toEntry).toList());
    }

    static BusinessRuleViolation unknown(String hsn, LocalDate day) {
        return BusinessRuleViolation.conflict("catalog.gst-rate-unknown",
                "No GST rate is on record for HSN " + hsn + " on " + day + ".");
    }
}
