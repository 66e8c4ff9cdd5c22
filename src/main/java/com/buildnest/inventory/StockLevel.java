package com.buildnest.inventory;

import java.time.Instant;

/**
 * The stock of one SKU, in whole units of its base selling unit.
 *
 * @param sku the SKU
 * @param onHand units in the warehouse
 * @param reserved units held for reservations not yet confirmed or released
 * @param available on hand minus reserved: what can still be reserved
 * @param lowStockThreshold the threshold in force: the SKU's own, else its group's (category's), else the
 *        configured default
 * @param lowStock whether available is below that threshold
 * @param updatedAt when the stock last changed
 */
public record StockLevel(String sku, long onHand, long reserved, long available, long lowStockThreshold,
        boolean lowStock, Instant updatedAt) {
}
