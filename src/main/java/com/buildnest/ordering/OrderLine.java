package com.buildnest.ordering;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import com.buildnest.ordering.TaxSplit.Supply;
import com.buildnest.shared.Money;

/**
 * One line of an order as it was sold: the product as it was named and priced that day, the
 * quantity in its base unit, and the GST on the line split by the order's supply.
 */
@Embeddable
class OrderLine {

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "hsn_code", nullable = false, length = 8)
    private String hsnCode;

    @Column(nullable = false, length = 20)
    private String unit;

    @Column(nullable = false)
    private long quantity;

    @Column(name = "unit_price_paise", nullable = false)
    private long unitPricePaise;

    @Column(name = "taxable_paise", nullable = false)
    private long taxablePaise;

    @Column(name = "gst_rate", nullable = false, precision = 5, scale = 2)
    private BigDecimal gstRate;

    @Column(name = "cgst_paise", nullable = false)
    private long cgstPaise;

    @Column(name = "sgst_paise", nullable = false)
    private long sgstPaise;

    @Column(name = "igst_paise", nullable = false)
    private long igstPaise;

    protected OrderLine() {
    }

    /** A line priced by the catalogue ({@code taxable} = the tier's unit price × quantity), taxed for {@code supply}. */
    OrderLine(long productId, String sku, String name, String hsnCode, String unit, long quantity, Money unitPrice,
            Money taxable, BigDecimal gstRate, Supply supply) {
        TaxSplit tax = TaxSplit.on(taxable, gstRate, supply);
        this.productId = productId;
        this.sku = sku;
        this.name = name;
        this.hsnCode = hsnCode;
        this.unit = unit;
        this.quantity = quantity;
        this.unitPricePaise = unitPrice.paise();
        this.taxablePaise = taxable.paise();
        this.gstRate = gstRate;
        this.cgstPaise = tax.cgst().paise();
        this.sgstPaise = tax.sgst().paise();
        this.igstPaise = tax.igst().paise();
    }

    TaxSplit tax() {
        return new TaxSplit(Money.ofPaise(taxablePaise), gstRate, Money.ofPaise(cgstPaise), Money.ofPaise(sgstPaise),
                Money.ofPaise(igstPaise));
    }

    long productId() {
        return productId;
    }

    String sku() {
        return sku;
    }

    String name() {
        return name;
    }

    String hsnCode() {
        return hsnCode;
    }

    String unit() {
        return unit;
    }

    long quantity() {
        return quantity;
    }

    Money unitPrice() {
        return Money.ofPaise(unitPricePaise);
    }
}
