package com.buildnest.inventory;

import java.time.Instant;

/**
 * What staff did to stock by hand, published in the transaction of the change (the audit log
 * records them next to the ledger line). Reservations, releases and sales are not here: orders
 * make those, and the order's own events say so.
 */
public final class InventoryEvents {

    private InventoryEvents() {
    }

    /** Goods arrived: on hand grew by {@code quantity}. */
    public record GoodsReceived(String sku, long quantity, String reason, long actorId, Instant at) {
    }

    /**
     * A SKU's own low-stock threshold changed; null (before or after) means it follows its group's or
     * the configured default.
     */
    public record LowStockThresholdChanged(String sku, Long before, Long after, long actorId, Instant at) {
    }

    /** A correction after a count, breakage or loss: on hand changed by {@code delta}, up or down. */
    public record StockAdjusted(String sku, long delta, String reason, long actorId, Instant at) {
    }
}
