package com.buildnest.inventory;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** SKUs with stock on the shelf, and the ledger read straight from its table. */
final class StockFixtures {

    static final long STOREKEEPER = 4242L;

    private StockFixtures() {
    }

    /** A SKU no other test uses, shaped like a bag of cement. */
    static String newSku() {
        return "CEM-T-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    /** A SKU with the given units on hand and nothing reserved. */
    static String cementOnTheShelf(Inventory inventory, long units, Long threshold) {
        String sku = newSku();
        inventory.track(sku, threshold);
        if (units > 0) {
            inventory.receive(sku, units, "opening count", STOREKEEPER);
        }
        return sku;
    }

    /** What the ledger says on hand and reserved should be. */
    record LedgerTotals(long onHand, long reserved, long lines) {
    }

    static LedgerTotals ledgerOf(JdbcClient jdbc, String sku) {
        return jdbc.sql("""
                select coalesce(sum(on_hand_change), 0), coalesce(sum(reserved_change), 0), count(*)
                from inventory_movement where sku = ?""").param(sku)
                .query((rs, n) -> new LedgerTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    static long reservationRows(JdbcClient jdbc, String reference) {
        return jdbc.sql("select count(*) from inventory_reservation where reference = ?").param(reference)
                .query(Long.class).single();
    }

    static String statusOf(JdbcClient jdbc, String reference, String sku) {
        return jdbc.sql("select status from inventory_reservation where reference = ? and sku = ?")
                .param(reference).param(sku).query(String.class).single();
    }
}
