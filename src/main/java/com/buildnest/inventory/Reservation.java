package com.buildnest.inventory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Units of one SKU held for a reference until they are sold (confirmed), released, or expire.
 * Its status moves only ACTIVE → RELEASED or ACTIVE → CONFIRMED, by a conditional update, so a
 * release, a confirmation and the expiry job racing for the same reservation cannot both win.
 */
@Entity
@Table(name = "inventory_reservation")
class Reservation {

    enum Status {
        ACTIVE, RELEASED, CONFIRMED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String reference;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false)
    private long quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Reservation() {
    }

    Reservation(String reference, String sku, long quantity, Instant createdAt, Instant expiresAt) {
        this.reference = reference;
        this.sku = sku;
        this.quantity = quantity;
        this.status = Status.ACTIVE;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    Long id() {
        return id;
    }

    String reference() {
        return reference;
    }

    String sku() {
        return sku;
    }

    long quantity() {
        return quantity;
    }

    Status status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
