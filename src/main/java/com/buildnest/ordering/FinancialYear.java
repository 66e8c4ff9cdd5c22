package com.buildnest.ordering;

import java.time.LocalDate;
import java.time.Month;

/**
 * India's financial year, 1 April to 31 March, written as invoices write it: {@code 2026-27}.
 * Invoice numbers start again from one each financial year (also for generated orders).
 */
public record FinancialYear(int startYear) {

    public static FinancialYear containing(LocalDate day) {
        return new FinancialYear(day.getMonth().compareTo(Month.APRIL) >= 0 ? day.getYear() : day.getYear() - 1);
    }

    /** {@code 2026-27}. */
    public String label() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    /** {@code 26-27}: short enough for a 16-character invoice number. */
    public String shortLabel() {
        return String.format("%02d-%02d", startYear % 100, (startYear + 1) % 100);
    }
}
