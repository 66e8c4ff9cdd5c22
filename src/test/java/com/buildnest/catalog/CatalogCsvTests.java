package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The CSV's defence against formula injection, cell by cell (OWASP "CSV Injection"). */
class CatalogCsvTests {

    @Test
    void everyCellASpreadsheetWouldRunIsWrittenBehindAQuote() {
        assertThat(List.of("=1+1", "+91 98765", "-5", "@SUM(A1)", "\tcmd", "\rcmd").stream().map(CatalogCsv::guarded))
                .containsExactly("'=1+1", "'+91 98765", "'-5", "'@SUM(A1)", "'\tcmd", "'\rcmd");
    }

    @Test
    void otherCellsAreWrittenAsTheyAre() {
        assertThat(List.of("", "UltraTech", "1=415.00|50=405.00", "'Classic' tiles", "it's", "5-10 mm", " =1")
                .stream().map(CatalogCsv::guarded))
                .containsExactly("", "UltraTech", "1=415.00|50=405.00", "'Classic' tiles", "it's", "5-10 mm", " =1");
    }

    @Test
    void readingRemovesTheQuoteWritingAddedSoEveryCellRoundTrips() {
        for (String cell : List.of("=1+1", "'=1+1", "''-5", "'", "''", "'Classic' tiles", "-", "@", "plain", "")) {
            assertThat(CatalogCsv.unguarded(CatalogCsv.guarded(cell))).as(cell).isEqualTo(cell);
        }
        assertThat(CatalogCsv.guarded("'=1+1")).isEqualTo("''=1+1");
    }

    @Test
    void aQuoteTypedBeforeAFormulaInAHandWrittenFileMeansText() {
        assertThat(CatalogCsv.unguarded("'=SUM(A1)")).isEqualTo("=SUM(A1)");
        assertThat(CatalogCsv.unguarded("'-5")).isEqualTo("-5");
        assertThat(CatalogCsv.unguarded("'Classic' tiles")).isEqualTo("'Classic' tiles");
    }
}
