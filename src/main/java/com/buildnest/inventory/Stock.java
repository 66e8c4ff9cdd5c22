package com.buildnest.inventory;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * The stock of one SKU. It is only ever read through this entity: every change is an atomic
 * conditional update in {@link StockRepository}, so that two buyers of the last bag cannot both
 * get it. The rules on quantities and reasons live here, next to the numbers they guard.
 */
@Entity
@Table(name = "inventory_stock")
class Stock {

    /** Letters, digits and a few separators, as SKUs are printed on bags and boxes. */
    static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");
    static final int MAX_REASON = 200;

    @Id
    @Column(length = 64)
    private String sku;

    @Column(name = "on_hand", nullable = false)
    private long onHand;

    @Column(nullable = false)
    private long reserved;

    @Column(name = "low_stock_threshold")
    private Long lowStockThreshold;

    /** The default of the SKU's group (its category), used when the SKU has no threshold of its own. */
    @Column(name = "default_threshold")
    private Long defaultThreshold;

    @Column(name = "below_threshold", nullable = false)
    private boolean belowThreshold;

    @Version
    private Long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Stock() {
    }

    /** The SKU's own threshold; null when it follows its group's or the configured one. */
    Long ownThreshold() {
        return lowStockThreshold;
    }

    /** The levels, judged against the SKU's own threshold, else its group's, else the configured one. */
    StockLevel level(long configuredThreshold) {
        long threshold = lowStockThreshold != null ? lowStockThreshold
                : defaultThreshold != null ? defaultThreshold : configuredThreshold;
        long available = onHand - reserved;
        return new StockLevel(sku, onHand, reserved, available, threshold, available < threshold, updatedAt);
    }

    static String requireSku(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw BusinessRuleViolation.invalidField("inventory.invalid-sku", "sku",
                    "A SKU is 1 to 64 capital letters, digits, dots, dashes or underscores.");
        }
        return sku;
    }

    /** A quantity of whole units that can be received, reserved or sold. */
    static long requireQuantity(long quantity, String field) {
        if (quantity <= 0 || quantity > Inventory.MAX_QUANTITY) {
            throw BusinessRuleViolation.invalidField("inventory.invalid-quantity", field,
                    "The quantity must be between 1 and " + Inventory.MAX_QUANTITY + ".");
        }
        return quantity;
    }

    /** An adjustment: not zero, not absurd, and always with a reason someone can read later. */
    static long requireAdjustment(long delta, String reason) {
        if (delta == 0 || Math.abs(delta) > Inventory.MAX_QUANTITY) {
            throw BusinessRuleViolation.invalidField("inventory.invalid-quantity", "delta",
                    "An adjustment changes stock by 1 to " + Inventory.MAX_QUANTITY + " units, up or down.");
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleViolation.invalidField("inventory.reason-required", "reason",
                    "Say why the stock is adjusted.");
        }
        return delta;
    }

    static String optionalReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw BusinessRuleViolation.invalidField("inventory.reason-too-long", "reason",
                    "A reason has at most " + MAX_REASON + " characters.");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    static Long requireThreshold(Long threshold) {
        if (threshold != null && (threshold < 0 || threshold > Inventory.MAX_QUANTITY)) {
            throw BusinessRuleViolation.invalidField("inventory.invalid-threshold", "threshold",
                    "A low-stock threshold is between 0 and " + Inventory.MAX_QUANTITY + ".");
        }
        return threshold;
    }
}
