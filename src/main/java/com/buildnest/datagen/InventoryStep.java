package com.buildnest.datagen;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stock for every generated product, in its base unit, and the ledger that explains it. What is
 * left on the shelf on the generator's day is drawn first: most SKUs hold between 20 and 600
 * minimum orders, a few run low (under their threshold of ten minimum orders) and a few are sold
 * out. The opening receipt, a year and a month earlier, is that level plus everything the generated
 * orders bought (less what came back) or hold, or more if the orders' reservations needed more; then every order's stock moves follow in time, as the inventory module
 * makes them: a reservation at checkout, a sale when paid or a release when cancelled unpaid, and a
 * receipt when sold goods come back (a paid order cancelled, a return received). So the ledger's
 * sums equal the stock, and no level ever went below zero.
 */
final class InventoryStep implements GeneratorStep {

    /** Movements made by BuildNest itself rather than by a person carry actor id 0. */
    private static final long SYSTEM_ACTOR = 0;
    private static final int SOLD_OUT_PERCENT = 3;
    private static final int RUNNING_LOW_PERCENT = 5;
    private static final long THRESHOLD_IN_MINIMUM_ORDERS = 10;
    static final Instant OPENING = StepContext.AS_OF.minus(Duration.ofDays(400));

    private record Move(Instant at, String sku, String kind, long onHand, long reserved, String reference,
            String reason, Long actorId) {
    }

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public Set<String> requires() {
        return Set.of("catalogue", "orders");
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
        Map<String, Long> sold = new HashMap<>();
        Map<String, Long> restocked = new HashMap<>();
        Map<String, Long> held = new HashMap<>();
        List<Move> moves = new ArrayList<>();
        List<Object[]> reservations = new ArrayList<>();
        for (GeneratedData.Order order : context.data.orders) {
            String reference = order.number();
            boolean active = order.soldAt() == null && order.releasedAt() == null;
            for (GeneratedData.Line line : order.lines()) {
                String sku = line.sku();
                long quantity = line.quantity();
                moves.add(new Move(order.placedAt(), sku, "RESERVATION", 0, quantity, reference, null, null));
                if (order.soldAt() != null) {
                    moves.add(new Move(order.soldAt(), sku, "SALE", -quantity, -quantity, reference, null, null));
                    sold.merge(sku, quantity, Long::sum);
                } else if (order.releasedAt() != null) {
                    moves.add(new Move(order.releasedAt(), sku, "RELEASE", 0, -quantity, reference, "released", null));
                } else {
                    held.merge(sku, quantity, Long::sum);
                }
                if (order.restockedAt() != null) {
                    moves.add(new Move(order.restockedAt(), sku, "RECEIPT", quantity, 0, null, order.restockReason(),
                            order.cancelledAt() != null ? order.accountId()
                                    : OrderStep.staff(context.data, order.number())));
                    restocked.merge(sku, quantity, Long::sum);
                }
                reservations.add(new Object[] { reference, sku, quantity,
                        order.soldAt() != null ? "CONFIRMED" : active ? "ACTIVE" : "RELEASED",
                        order.reservationExpiresAt(), order.placedAt() });
            }
        }
        moves.sort(Comparator.comparing(Move::at));
        Map<String, Long> lowest = lowestAvailable(moves);
        try (BatchInsert stock = context.insert("inventory_stock", "sku", "on_hand", "reserved", "low_stock_threshold",
                "below_threshold", "version", "updated_at");
                BatchInsert movements = context.insert("inventory_movement", "sku", "kind", "on_hand_change",
                        "reserved_change", "reference", "reason", "actor_id", "occurred_at")) {
            for (GeneratedData.Product product : context.data.products) {
                long threshold = product.minimumOrder() * THRESHOLD_IN_MINIMUM_ORDERS;
                int roll = context.random.nextInt(100);
                long left = roll < SOLD_OUT_PERCENT ? 0
                        : product.minimumOrder() * (roll < SOLD_OUT_PERCENT + RUNNING_LOW_PERCENT
                                ? context.between(1, THRESHOLD_IN_MINIMUM_ORDERS - 1)
                                : context.between(20, 600));
                long reserved = held.getOrDefault(product.sku(), 0L);
                long taken = sold.getOrDefault(product.sku(), 0L) - restocked.getOrDefault(product.sku(), 0L);
                // what is left plus what the orders took and hold, and at least enough that the SKU's
                // available stock never went below zero on the way (orders reserve, some release later)
                long opening = Math.max(left + reserved + taken, -lowest.getOrDefault(product.sku(), 0L));
                long onHand = opening - taken;
                long available = onHand - reserved;
                stock.add(product.sku(), onHand, reserved, threshold, available < threshold, 0L, StepContext.AS_OF);
                if (opening > 0) {
                    movements.add(product.sku(), "RECEIPT", opening, 0L, null, "opening stock", SYSTEM_ACTOR, OPENING);
                }
                context.advance(1);
            }
            for (Move move : moves) {
                movements.add(move.sku(), move.kind(), move.onHand(), move.reserved(), move.reference(), move.reason(),
                        move.actorId(), move.at());
            }
        }
        try (BatchInsert rows = context.insert("inventory_reservation", "reference", "sku", "quantity", "status",
                "expires_at", "created_at")) {
            for (Object[] row : reservations) {
                rows.add(row);
            }
        }
        markInStock(context);
    }

    /** Per SKU, the lowest its available stock (on hand less reserved) reaches when its moves start from zero. */
    private static Map<String, Long> lowestAvailable(List<Move> moves) {
        Map<String, Long> available = new HashMap<>();
        Map<String, Long> lowest = new HashMap<>();
        for (Move move : moves) {
            long now = available.merge(move.sku(), move.onHand() - move.reserved(), Long::sum);
            lowest.merge(move.sku(), now, Math::min);
        }
        return lowest;
    }

    /** The catalogue's "in stock" of each product, as its stock makes it (the search index reads it). */
    private static void markInStock(StepContext context) throws SQLException {
        try (var statement = context.connection().prepareStatement("""
                UPDATE catalog_product SET in_stock = TRUE WHERE EXISTS (SELECT 1 FROM inventory_stock s
                WHERE s.sku = catalog_product.sku AND s.on_hand - s.reserved >= catalog_product.min_order_quantity
                AND s.on_hand - s.reserved > 0)""")) {
            statement.executeUpdate();
        }
    }
}
