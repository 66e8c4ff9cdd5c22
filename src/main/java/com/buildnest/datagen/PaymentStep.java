package com.buildnest.datagen;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The payment module's record of every generated order: one payment per order number, as the
 * payment module keeps it, in the state the order's life left it. A paid order's payment is
 * captured (then partly or wholly refunded, with one processed refund per refund the order got); a
 * failed attempt that was never followed by a payment leaves it failed, with the gateway's reason;
 * an order that expired before any attempt leaves it created. Ids follow the largest already used.
 */
final class PaymentStep implements GeneratorStep {

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public Set<String> requires() {
        return Set.of("orders");
    }

    @Override
    public String unit() {
        return "payments";
    }

    @Override
    public long size(GenerationOptions options) {
        return options.orders();
    }

    @Override
    public void generate(StepContext context) throws SQLException {
        long nextId = context.number("SELECT COALESCE(MAX(id), 0) FROM payment") + 1;
        List<Object[]> refundRows = new ArrayList<>(); // written after their payments (a foreign key)
        try (BatchInsert payments = context.insert("payment", "id", "order_number", "owner_account_id", "gateway",
                "gateway_order_id", "amount_paise", "currency", "status", "gateway_payment_id", "refunded_paise",
                "failure_reason", "version", "created_at", "updated_at")) {
            for (GeneratedData.Order order : context.data.orders) {
                long id = nextId++;
                long refunded = order.refundedPaise();
                Instant created = order.placedAt().plusSeconds(2);
                Instant updated = created;
                String status;
                if (order.gatewayPaymentId() != null) {
                    status = refunded == 0 ? "CAPTURED" : refunded == order.totalPaise() ? "REFUNDED"
                            : "PARTIALLY_REFUNDED";
                    updated = order.paidAt();
                } else if (order.failedAt() != null) {
                    status = "FAILED";
                    updated = order.failedAt();
                } else {
                    status = "CREATED";
                }
                for (GeneratedData.Refund refund : order.refunds()) {
                    refundRows.add(new Object[] { id, refund.gatewayRefundId(), refund.amountPaise(),
                            refund.idempotencyKey(), "PROCESSED", refund.at(), refund.at() });
                    updated = refund.at();
                }
                payments.add(id, order.number(), order.accountId(), "RAZORPAY", order.gatewayOrderId(),
                        order.totalPaise(), "INR", status, order.gatewayPaymentId(), refunded,
                        order.gatewayPaymentId() == null ? order.failureReason() : null,
                        (long) order.refunds().size() + (order.paidAt() != null || order.failedAt() != null ? 1 : 0),
                        created, updated);
                context.advance(1);
            }
        }
        try (BatchInsert refunds = context.insert("payment_refund", "payment_id", "gateway_refund_id", "amount_paise",
                "idempotency_key", "status", "created_at", "updated_at")) {
            for (Object[] row : refundRows) {
                refunds.add(row);
            }
        }
    }
}
