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

/** One line of the ledger: how much on hand and reserved changed, why, and for whom. Never changed. */
@Entity
@Table(name = "inventory_movement")
class StockMovement {

    /** What moved the stock. */
    enum Kind {
        RECEIPT, ADJUSTMENT, RESERVATION, RELEASE, SALE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String sku;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(name = "on_hand_change", nullable = false)
    private long onHandChange;

    @Column(name = "reserved_change", nullable = false)
    private long reservedChange;

    @Column(length = 100)
    private String reference;

    @Column(length = 200)
    private String reason;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected StockMovement() {
    }

    private StockMovement(String sku, Kind kind, long onHandChange, long reservedChange, String reference,
            String reason, Long actorId, Instant occurredAt) {
        this.sku = sku;
        this.kind = kind;
        this.onHandChange = onHandChange;
        this.reservedChange = reservedChange;
        this.reference = reference;
        this.reason = reason;
        this.actorId = actorId;
        this.occurredAt = occurredAt;
    }

    static StockMovement receipt(String sku, long quantity, String reason, long actorId, Instant at) {
        return new StockMovement(sku, Kind.RECEIPT, quantity, 0, null, reason, actorId, at);
    }

    static StockMovement adjustment(String sku, long delta, String reason, long actorId, Instant at) {
        return new StockMovement(sku, Kind.ADJUSTMENT, delta, 0, null, reason, actorId, at);
    }

    static StockMovement reservation(String sku, long quantity, String reference, Instant at) {
        return new StockMovement(sku, Kind.RESERVATION, 0, quantity, reference, null, null, at);
    }

    static StockMovement release(String sku, long quantity, String reference, String reason, Instant at) {
        return new StockMovement(sku, Kind.RELEASE, 0, -quantity, reference, reason, null, at);
    }

    static StockMovement sale(String sku, long quantity, String reference, Instant at) {
        return new StockMovement(sku, Kind.SALE, -quantity, -quantity, reference, null, null, at);
    }

    Movement view() {
        return new Movement(id, kind.name(), onHandChange, reservedChange, reference, reason, actorId, occurredAt);
    }
}
