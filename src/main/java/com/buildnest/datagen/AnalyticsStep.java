package com.buildnest.datagen;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import com.buildnest.shared.IndianDay;

/**
 * The analytics module's sales facts of the generated orders, as its listeners would have built
 * them from every move: one fact per order (its status now, when it was placed, paid and
 * cancelled, its refunded total; days in India), one row per refund by the refunded total it
 * reached, and the lines of every paid order on the day of payment. So the sales dashboard shows
 * exactly the generated orders.
 */
final class AnalyticsStep implements GeneratorStep {

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public Set<String> requires() {
        return Set.of("orders");
    }

    @Override
    public String unit() {
        return "orders";
    }

    @Override
    public long size(GenerationOptions options) {
        return options.orders();
    }

    @Override
    public void generate(StepContext context) throws SQLException {
        try (BatchInsert facts = context.insert("analytics_order_fact", "order_number", "account_id", "status",
                "status_at", "total_paise", "refunded_paise", "placed_at", "placed_day", "paid_at", "paid_day",
                "cancelled_at");
                BatchInsert refunds = context.insert("analytics_refund", "order_number", "refunded_total_paise",
                        "amount_paise", "refunded_at", "refund_day");
                BatchInsert sales = context.insert("analytics_product_sale", "order_number", "line_number",
                        "product_id", "sku", "name", "quantity", "revenue_paise", "sale_day")) {
            for (GeneratedData.Order order : context.data.orders) {
                LocalDate paidDay = order.paidAt() == null ? null : day(order.paidAt());
                facts.add(order.number(), order.accountId(), order.status().name(), order.statusAt(),
                        order.totalPaise(), order.refundedPaise(), order.placedAt(), day(order.placedAt()),
                        order.paidAt(), paidDay, order.cancelledAt());
                long refunded = 0;
                for (GeneratedData.Refund refund : order.refunds()) {
                    refunded += refund.amountPaise();
                    refunds.add(order.number(), refunded, refund.amountPaise(), refund.at(), day(refund.at()));
                }
                if (paidDay != null) {
                    for (int i = 0; i < order.lines().size(); i++) {
                        GeneratedData.Line line = order.lines().get(i);
                        sales.add(order.number(), i + 1, line.productId(), line.sku(), line.name(), line.quantity(),
                                line.valuePaise(), paidDay);
                    }
                }
                context.advance(1);
            }
        }
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, IndianDay.ZONE);
    }
}
