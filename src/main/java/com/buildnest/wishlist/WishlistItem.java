package com.buildnest.wishlist;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A product on a wishlist, with the name and SKU it had when it was added: shown only once the
 * catalogue no longer offers it, so the customer still knows what it was.
 */
@Entity
@Table(name = "wishlist_item")
class WishlistItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Wishlist wishlist;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(name = "product_name", nullable = false, length = 200)
    private String productName;

    @Column(name = "product_sku", nullable = false, length = 40)
    private String productSku;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected WishlistItem() {
    }

    WishlistItem(Wishlist wishlist, long productId, String productName, String productSku, Instant addedAt) {
        this.wishlist = wishlist;
        this.productId = productId;
        this.productName = productName;
        this.productSku = productSku;
        this.addedAt = addedAt.truncatedTo(ChronoUnit.MICROS); // as the database keeps it
    }

    long productId() {
        return productId;
    }

    String productName() {
        return productName;
    }

    String productSku() {
        return productSku;
    }

    Instant addedAt() {
        return addedAt;
    }
}
