package com.buildnest.ordering;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import com.buildnest.ordering.OrderingProperties.Seller;
import com.buildnest.ordering.TaxSplit.Supply;
import com.buildnest.shared.Money;

/**
 * A paid order's GST tax invoice as a PDF, with what rule 46 of the CGST Rules asks of one: the
 * seller's name, address and GSTIN; a number unique in the financial year and the date; the buyer's
 * name, delivery address and GSTIN when they gave one; the place of supply (state and code); per
 * line the description, HSN code, quantity and unit, taxable value, rate and CGST + SGST or IGST;
 * the totals; whether tax is payable on reverse charge; and the signatory. Amounts are in rupees.
 */
final class InvoicePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Color HEADER = new Color(230, 230, 230);

    private InvoicePdf() {
    }

    static byte[] render(Order order, Seller seller) {
        if (order.invoiceNumber() == null) {
            throw new IllegalStateException(order.orderNumber() + " has no invoice: it was never paid");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Tax invoice " + order.invoiceNumber());
        document.addCreator("BuildNest");
        document.open();
        Paragraph title = new Paragraph("TAX INVOICE", TITLE);
        title.setAlignment(Element.ALIGN_CENTER);
        document.add(title);
        document.add(new Paragraph(" ", TEXT));
        document.add(parties(order, seller));
        document.add(new Paragraph(" ", TEXT));
        document.add(lines(order));
        document.add(new Paragraph(" ", TEXT));
        document.add(totals(order));
        document.add(new Paragraph("Whether tax is payable on reverse charge: No", TEXT));
        document.add(new Paragraph(" ", TEXT));
        Paragraph signatory = new Paragraph("For " + seller.legalName() + "\n\nAuthorised signatory"
                + "\n(computer-generated invoice; no signature required)", TEXT);
        signatory.setAlignment(Element.ALIGN_RIGHT);
        document.add(signatory);
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable parties(Order order, Seller seller) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.addCell(block("Sold by", seller.legalName() + "\n" + String.join("\n", seller.address())
                + "\nGSTIN: " + seller.gstin() + "\nState: " + seller.stateName() + " (" + seller.stateCode() + ")"));
        table.addCell(block("Invoice", "Invoice number: " + order.invoiceNumber()
                + "\nInvoice date: " + DATE.format(order.invoicedOn())
                + "\nOrder number: " + order.orderNumber()
                + "\nPlace of supply: " + order.address().stateName() + " (" + order.address().stateCode() + ")"));
        DeliveryAddress to = order.address();
        StringBuilder buyer = new StringBuilder(to.recipientName()).append('\n').append(to.line1());
        if (to.line2() != null) {
            buyer.append('\n').append(to.line2());
        }
        if (to.landmark() != null) {
            buyer.append('\n').append("Near ").append(to.landmark());
        }
        buyer.append('\n').append(to.city()).append(' ').append(to.pinCode()).append(", ").append(to.stateName())
                .append("\nPhone: ").append(to.phone())
                .append("\nGSTIN: ").append(order.billingGstin() == null ? "unregistered" : order.billingGstin());
        table.addCell(block("Billed and shipped to", buyer.toString()));
        table.addCell(block("Tax", order.supply() == Supply.INTRA_STATE
                ? "Intra-state supply: CGST + SGST" : "Inter-state supply: IGST"));
        return table;
    }

    private static PdfPTable lines(Order order) {
        boolean intra = order.supply() == Supply.INTRA_STATE;
        List<String> headings = intra
                ? List.of("#", "Description", "HSN/SAC", "Qty", "Unit price", "Taxable value", "Rate", "CGST", "SGST")
                : List.of("#", "Description", "HSN/SAC", "Qty", "Unit price", "Taxable value", "Rate", "IGST");
        PdfPTable table = new PdfPTable(headings.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setWidths(intra ? new float[] { 3, 30, 9, 10, 10, 12, 6, 10, 10 }
                : new float[] { 3, 33, 9, 11, 11, 13, 6, 14 });
        headings.forEach(heading -> {
            PdfPCell cell = new PdfPCell(new Phrase(heading, BOLD));
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        });
        int number = 1;
        for (OrderLine line : order.lines()) {
            TaxSplit tax = line.tax();
            row(table, intra, number++, line.name() + " (" + line.sku() + ")", line.hsnCode(),
                    line.quantity() + " " + line.unit(), line.unitPrice().toRupees(), tax);
        }
        TaxSplit delivery = order.deliveryTax();
        if (delivery.taxable().paise() > 0) {
            row(table, intra, number, "Delivery charges (" + order.weightGrams() / 1000 + " kg)", order.deliverySac(),
                    "1", delivery.taxable().toRupees(), delivery);
        }
        return table;
    }

    private static void row(PdfPTable table, boolean intra, int number, String description, String code,
            String quantity, String unitPrice, TaxSplit tax) {
        table.addCell(cell(Integer.toString(number)));
        table.addCell(cell(description));
        table.addCell(cell(code));
        table.addCell(amount(quantity));
        table.addCell(amount(unitPrice));
        table.addCell(amount(tax.taxable().toRupees()));
        table.addCell(amount(percent(tax.rate())));
        if (intra) {
            table.addCell(amount(tax.cgst().toRupees()));
            table.addCell(amount(tax.sgst().toRupees()));
        } else {
            table.addCell(amount(tax.igst().toRupees()));
        }
    }

    private static PdfPTable totals(Order order) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(45);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        total(table, "Taxable value (INR)", order.goods().plus(order.deliveryTax().taxable()));
        if (order.supply() == Supply.INTRA_STATE) {
            total(table, "CGST (INR)", order.cgst());
            total(table, "SGST (INR)", order.sgst());
        } else {
            total(table, "IGST (INR)", order.igst());
        }
        PdfPCell label = new PdfPCell(new Phrase("Invoice total (INR)", BOLD));
        table.addCell(label);
        PdfPCell value = new PdfPCell(new Phrase(order.total().toRupees(), BOLD));
        value.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(value);
        return table;
    }

    private static void total(PdfPTable table, String label, Money amount) {
        table.addCell(cell(label));
        table.addCell(amount(amount.toRupees()));
    }

    private static PdfPCell block(String heading, String body) {
        Paragraph paragraph = new Paragraph(heading + "\n", BOLD);
        paragraph.add(new Phrase(body, TEXT));
        PdfPCell cell = new PdfPCell(paragraph);
        cell.setPadding(5);
        return cell;
    }

    private static PdfPCell cell(String text) {
        return new PdfPCell(new Phrase(text, TEXT));
    }

    private static PdfPCell amount(String text) {
        PdfPCell cell = cell(text);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString() + "%";
    }
}
