package com.buildnest.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored row of the GST rate table. */
@Entity
@Table(name = "catalog_gst_rate")
class GstRateRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 8)
    private String hsn;

    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal rate;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    protected GstRateRow() {
    }

    GstRateRow(GstRateTable.Entry entry) {
        this.hsn = entry.hsnPrefix();
        this.rate = entry.rate().percent();
        this.effectiveFrom = entry.effectiveFrom();
        this.effectiveTo = entry.effectiveTo();
    }

    GstRateTable.Entry toEntry() {
        return new GstRateTable.Entry(hsn, new GstRate(rate), effectiveFrom, effectiveTo);
    }
}
