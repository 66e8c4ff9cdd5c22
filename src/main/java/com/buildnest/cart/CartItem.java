package com.buildnest.cart;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a cart: a product and how many of its base unit; the price is never stored. */
@Entity
@Table(name = "cart_item")
class CartItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cart_id")
    private Cart cart;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(nullable = false)
    private long quantity;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected CartItem() {
    }

    CartItem(Cart cart, long productId, long quantity, Instant addedAt) {
        this.cart = cart;
        this.productId = productId;
        this.quantity = quantity;
        this.addedAt = addedAt;
    }

    Long id() {
        return id;
    }

    long productId() {
        return productId;
    }

    long quantity() {
        return quantity;
    }

    void quantity(long quantity) {
        this.quantity = quantity;
    }
}
