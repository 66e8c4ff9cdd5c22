package com.buildnest.datagen;

import java.sql.SQLException;
import java.util.Set;

/**
 * Stock for every generated product, in its base unit: most SKUs hold between 20 and 600 minimum
 * orders, a few run low (under their threshold of ten minimum orders) and a few are sold out.
 * Each non-zero level is explained by one opening receipt in the movement ledger, so the ledger's
 * sums equal the stock, as the inventory module guarantees.
 */
final class InventoryStep implements GeneratorStep {

    /** Movements made by BuildNest itself rather than by a person carry actor id 0. */
    private static final long SYSTEM_ACTOR = 0;
    private static final int SOLD_OUT_PERCENT = 3;
    private static final int RUNNING_LOW_PERCENT = 5;
    private static final long THRESHOLD_IN_MINIMUM_ORDERS = 10;

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public Set<String> requires() {
        return Set.of("catalogue");
    }

    @Override
    public String unit() {
        return "SKUs";
    }

    @Override
    public long size(GenerationOptions options) {
        return options.products();
    }

    @Override
    public void generate(StepContext context) throws SQLException {
        try (BatchInsert stock = context.insert("inventory_stock", "sku", "on_hand", "reserved", "low_stock_threshold",
                "below_threshold", "version", "updated_at");
                BatchInsert movements = context.insert("inventory_movement", "sku", "kind", "on_hand_change",
                        "reserved_change", "reference", "reason", "actor_id", "occurred_at")) {
            for (GeneratedData.Product product : context.data.products) {
                long threshold = product.minimumOrder() * THRESHOLD_IN_MINIMUM_ORDERS;
                int roll = context.random.nextInt(100);
                long onHand = roll < SOLD_OUT_PERCENT ? 0
                        : product.minimumOrder() * (roll < SOLD_OUT_PERCENT + RUNNING_LOW_PERCENT
                                ? context.between(1, THRESHOLD_IN_MINIMUM_ORDERS - 1)
                                : context.between(20, 600));
                stock.add(product.sku(), onHand, 0L, threshold, onHand < threshold, 0L, StepContext.AS_OF);
                if (onHand > 0) {
                    movements.add(product.sku(), "RECEIPT", onHand, 0L, null, "opening stock", SYSTEM_ACTOR,
                            StepContext.AS_OF);
                }
                context.advance(1);
            }
        }
        markInStock(context);
    }

    /** The catalogue's "in stock" of each product, as its opening stock makes it (the search index reads it). */
    private static void markInStock(StepContext context) throws SQLException {
        try (var statement = context.connection().prepareStatement("""
                UPDATE catalog_product SET in_stock = TRUE WHERE EXISTS (SELECT 1 FROM inventory_stock s
                WHERE s.sku = catalog_product.sku AND s.on_hand - s.reserved >= catalog_product.min_order_quantity
                AND s.on_hand - s.reserved > 0)""")) {
            statement.executeUpdate();
        }
    }
}
