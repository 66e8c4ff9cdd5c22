package com.buildnest.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * The first stock of many SKUs at once, as a new shop (the demo catalogue, an opening count) starts:
 * each SKU tracked with its quantity on hand and its receipt in the ledger, in two batched
 * statements instead of several per SKU. Only for SKUs not yet tracked: stock that already moves
 * changes through {@link Inventory}'s conditional updates.
 */
@Service
public class OpeningStock {

    private final StockRepository stock;
    private final JdbcTemplate jdbc;
    private final InventoryProperties properties;
    private final Clock clock;

    OpeningStock(StockRepository stock, JdbcTemplate jdbc, InventoryProperties properties, Clock clock) {
        this.stock = stock;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Tracks each SKU with {@code quantities.get(sku)} units on hand (zero is tracked, with no
     * ledger line). Refused, changing nothing, if any SKU is already tracked
     * ({@code inventory.already-tracked}) or a quantity or SKU is invalid.
     */
    @Transactional
    public void open(Map<String, Long> quantities, String reason, long actorId) {
        quantities.forEach((sku, quantity) -> {
            Stock.requireSku(sku);
            if (quantity != 0) {
                Stock.requireQuantity(quantity, "quantity");
            }
        });
        String why = Stock.optionalReason(reason);
        List<String> tracked = stock.findAllById(quantities.keySet()).stream().map(s -> s.level(0).sku()).sorted().toList();
        if (!tracked.isEmpty()) {
            throw BusinessRuleViolation.conflict("inventory.already-tracked",
                    "Opening stock is for SKUs not yet tracked: " + String.join(", ", tracked) + ".");
        }
        Timestamp now = Timestamp.from(clock.instant());
        long threshold = properties.defaultLowStockThreshold();
        List<Object[]> rows = quantities.entrySet().stream()
                .map(e -> new Object[] { e.getKey(), e.getValue(), e.getValue() < threshold, now }).toList();
        jdbc.batchUpdate("""
                insert into inventory_stock (sku, on_hand, reserved, low_stock_threshold, below_threshold, version, updated_at)
                values (?, ?, 0, null, ?, 0, ?)""", rows);
        List<Object[]> receipts = quantities.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new Object[] { e.getKey(), e.getValue(), why, actorId, now }).toList();
        jdbc.batchUpdate("""
                insert into inventory_movement (sku, kind, on_hand_change, reserved_change, reference, reason, actor_id, occurred_at)
                values (?, 'RECEIPT', ?, 0, null, ?, ?, ?)""", receipts);
    }
}
