package com.buildnest.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import com.buildnest.ordering.OrderingProperties.Seller;

class TaxInvoiceTests {

    static final Seller SELLER = new Seller("BuildNest Demo Traders Private Limited", "29AAECB4821K1ZJ", "29",
            "Karnataka", List.of("14, 2nd Cross, Peenya Industrial Area Phase II", "Bengaluru 560058, Karnataka"));

    @Test
    void anIntraStateInvoiceCarriesWhatGstRulesAskFor() throws IOException {
        Order order = OrderLifecycleTests.cementOrder("29");
        order.paid("pay_1", LocalDate.of(2026, 11, 25), OrderLifecycleTests.NOW);
        order.invoiced("BN/26-27/000042");

        String text = textOf(InvoicePdf.render(order, SELLER));

        assertThat(text).contains("TAX INVOICE", "BuildNest Demo Traders Private Limited", "GSTIN: 29AAECB4821K1ZJ",
                "Invoice number: BN/26-27/000042", "Invoice date: 25-11-2026", "Place of supply: Karnataka (29)",
                "Ravi Kumar", "GSTIN: unregistered", "2523", "6907", "9965", "100 bag", "40500.00", "CGST", "SGST",
                "3645.00", "60403.19", "reverse charge: No", "Authorised signatory");
        assertThat(text).doesNotContain("IGST");
    }

    @Test
    void anInterStateInvoiceShowsIgstOnly() throws IOException {
        Order order = OrderLifecycleTests.cementOrder("27");
        order.paid("pay_1", LocalDate.of(2026, 11, 25), OrderLifecycleTests.NOW);
        order.invoiced("BN/26-27/000043");

        String text = textOf(InvoicePdf.render(order, SELLER));

        assertThat(text).contains("Place of supply: Maharashtra (27)", "IGST", "7290.00", "60403.20")
                .doesNotContain("CGST");
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }
}
