package com.buildnest.ordering;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tax invoice numbers: unique within a financial year, consecutive, at most 16 characters of
 * letters, digits, '/' and '-' as GST rules ask ({@code BN/26-27/000042}). The counter row of the
 * year is incremented in the caller's transaction, so a number is used only if the order that took
 * it is saved, and two payments never get the same one.
 */
@Component
class InvoiceNumbers {

    static final int MAX_LENGTH = 16;

    private final JdbcClient jdbc;
    private final String prefix;

    InvoiceNumbers(JdbcClient jdbc, OrderingProperties properties) {
        this.jdbc = jdbc;
        this.prefix = properties.invoicePrefix();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(LocalDate invoiceDay) {
        FinancialYear financialYear = FinancialYear.containing(invoiceDay);
        String year = financialYear.label();
        // The increment first: an insert that meets the year's existing row takes a shared lock on it,
        // and two payments holding one each then deadlock upgrading it for their increments.
        if (increment(year) == 0) {
            jdbc.sql("insert ignore into ordering_invoice_sequence (financial_year, last_number) values (?, 0)")
                    .param(year).update(); // the year's first invoice (or a race to write its row)
            increment(year);
        }
        long number = jdbc.sql("select last_number from ordering_invoice_sequence where financial_year = ?")
                .param(year).query(Long.class).single();
        String invoiceNumber = prefix + "/" + financialYear.shortLabel() + "/"
                + String.format("%06d", number);
        if (invoiceNumber.length() > MAX_LENGTH) {
            throw new IllegalStateException("Invoice numbers of " + year + " have outgrown 16 characters");
        }
        return invoiceNumber;
    }

    private int increment(String year) {
        return jdbc.sql("update ordering_invoice_sequence set last_number = last_number + 1 where financial_year = ?")
                .param(year).update();
    }
}
