package com.buildnest.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.buildnest.shared.Money;

/**
 * Something the shop sells, in the unit it is sold by (a 50 kg bag of cement, a tonne of TMT
 * bars, a box of tiles), at a price in paise, with the HSN code and GST rate its invoice needs.
 */
@Entity
@Table(name = "catalog_product")
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 80)
    private String brand;

    @Column(name = "category_id", nullable = false)
    private Long categoryId;

    @Column(length = 2000)
    private String description;

    @Column(nullable = false, length = 20)
    private String unit;

    @Column(name = "price_paise", nullable = false)
    private long pricePaise;

    @Column(name = "hsn_code", nullable = false, length = 8)
    private String hsnCode;

    @Column(name = "gst_rate", nullable = false, precision = 5, scale = 2)
    private BigDecimal gstRate;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Product() {
    }

    Product(String sku, String name, String brand, Long categoryId, String description, String unit, Money price,
            String hsnCode, BigDecimal gstRate, Instant createdAt) {
        if (price.isNegative()) {
            throw new IllegalArgumentException("a price cannot be negative: " + price);
        }
        this.sku = sku;
        this.name = name;
        this.brand = brand;
        this.categoryId = categoryId;
        this.description = description;
        this.unit = unit;
        this.pricePaise = price.paise();
        this.hsnCode = hsnCode;
        this.gstRate = gstRate;
        this.active = true;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String sku() {
        return sku;
    }

    String name() {
        return name;
    }

    String brand() {
        return brand;
    }

    Long categoryId() {
        return categoryId;
    }

    String description() {
        return description;
    }

    String unit() {
        return unit;
    }

    Money price() {
        return Money.ofPaise(pricePaise);
    }

    String hsnCode() {
        return hsnCode;
    }

    BigDecimal gstRate() {
        return gstRate;
    }

    boolean active() {
        return active;
    }
}
