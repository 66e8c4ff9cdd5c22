package com.buildnest.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class InvoiceNumberingTests {

    @Test
    void theFinancialYearRunsFromAprilToMarch() {
        assertThat(FinancialYear.containing(LocalDate.of(2026, 3, 31)).label()).isEqualTo("2025-26");
        assertThat(FinancialYear.containing(LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-27");
        assertThat(FinancialYear.containing(LocalDate.of(2099, 12, 1)).shortLabel()).isEqualTo("99-00");
    }

    @Test
    void orderNumbersNameTheDayAndCannotBeGuessed() {
        OrderNumbers numbers = new OrderNumbers();

        String first = numbers.next("BN", LocalDate.of(2026, 11, 25));
        String second = numbers.next("BN", LocalDate.of(2026, 11, 25));

        assertThat(first).matches("BN-261125-[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(first).isNotEqualTo(second);
    }
}
