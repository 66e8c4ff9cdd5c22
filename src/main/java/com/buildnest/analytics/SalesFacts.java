package com.buildnest.analytics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import com.buildnest.ordering.OrderContents;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderStatusChanged;
import com.buildnest.shared.IndianDay;

/**
 * Keeps the sales facts from the moves of orders, after each move commits. Events of one order
 * take turns on its fact row (a row lock), and every change of the fact is conditional (paid only
 * once, the refunded total only upwards, the status only by a later move), so an event delivered
 * twice, or late, never counts twice. A paid order's lines are read once from ordering, when the
 * payment is first seen.
 */
@Service
class SalesFacts {

    private final JdbcClient jdbc;
    private final OrderContents contents;

    SalesFacts(JdbcClient jdbc, OrderContents contents) {
        this.jdbc = jdbc;
        this.contents = contents;
    }

    /**
     * What Spring Modulith's {@code @ApplicationModuleListener} stands for (its events artifact is
     * not on the classpath): after the move commits, on another thread, in a transaction of its own.
     */
    @Async
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(OrderStatusChanged change) {
        record(change);
    }

    /** Applies one move of an order to its fact; applying the same move again changes nothing. */
    @Transactional
    void record(OrderStatusChanged change) {
        String orderNumber = change.orderNumber();
        LocalDateTime at = LocalDateTime.ofInstant(change.at(), ZoneOffset.UTC);
        LocalDate day = LocalDate.ofInstant(change.at(), IndianDay.ZONE);
        long refundedBefore = lockedFact(change, at);
        jdbc.sql("""
                update analytics_order_fact set status = :status, status_at = :at
                where order_number = :orderNumber and status_at <= :at""")
                .param("status", change.to().name()).param("at", at).param("orderNumber", orderNumber).update();
        if (change.from() == null) {
            jdbc.sql("""
                    update analytics_order_fact set placed_at = :at, placed_day = :day
                    where order_number = :orderNumber and placed_at is null""")
                    .param("at", at).param("day", day).param("orderNumber", orderNumber).update();
        }
        if (change.to() == OrderStatus.PAID && change.from() != OrderStatus.PAID && jdbc.sql("""
                update analytics_order_fact set paid_at = :at, paid_day = :day
                where order_number = :orderNumber and paid_at is null""")
                .param("at", at).param("day", day).param("orderNumber", orderNumber).update() == 1) {
            copyLines(orderNumber, day);
        }
        if (change.to() == OrderStatus.PAYMENT_FAILED) {
            jdbc.sql("""
                    update analytics_order_fact set failed_at = :at, failed_day = :day
                    where order_number = :orderNumber and failed_at is null""")
                    .param("at", at).param("day", day).param("orderNumber", orderNumber).update();
        }
        if (change.to() == OrderStatus.CANCELLED) {
            jdbc.sql("""
                    update analytics_order_fact set cancelled_at = :at
                    where order_number = :orderNumber and cancelled_at is null""")
                    .param("at", at).param("orderNumber", orderNumber).update();
        }
        long refunded = change.refunded().paise();
        if (refunded > refundedBefore && jdbc.sql("""
                update analytics_order_fact set refunded_paise = :refunded
                where order_number = :orderNumber and refunded_paise = :before""")
                .param("refunded", refunded).param("orderNumber", orderNumber).param("before", refundedBefore)
                .update() == 1) {
            jdbc.sql("""
                    insert into analytics_refund (order_number, refunded_total_paise, amount_paise, refunded_at, refund_day)
                    values (:orderNumber, :refunded, :amount, :at, :day)""")
                    .param("orderNumber", orderNumber).param("refunded", refunded)
                    .param("amount", refunded - refundedBefore).param("at", at).param("day", day).update();
        }
    }

    /**
     * Locks the order's fact until the transaction ends, creating it first if this is the first
     * event of the order seen; answers what the fact counts as refunded so far. Creating it by an
     * insert that does nothing when the row exists (rather than looking first) means two first
     * events of one order never both lock a gap and deadlock: the second waits for the first.
     */
    private long lockedFact(OrderStatusChanged change, LocalDateTime at) {
        jdbc.sql("""
                insert into analytics_order_fact (order_number, account_id, status, status_at, total_paise, refunded_paise)
                values (:orderNumber, :accountId, :status, :at, :total, 0)
                on duplicate key update order_number = order_number""")
                .param("orderNumber", change.orderNumber()).param("accountId", change.accountId())
                .param("status", change.to().name()).param("at", at).param("total", change.total().paise())
                .update();
        return jdbc.sql("select refunded_paise from analytics_order_fact where order_number = :orderNumber for update")
                .param("orderNumber", change.orderNumber()).query(Long.class).single();
    }

    private void copyLines(String orderNumber, LocalDate day) {
        List<OrderContents.Line> lines = contents.linesOf(orderNumber);
        for (int i = 0; i < lines.size(); i++) {
            OrderContents.Line line = lines.get(i);
            jdbc.sql("""
                    insert into analytics_product_sale
                        (order_number, line_number, product_id, sku, name, quantity, revenue_paise, sale_day)
                    values (:orderNumber, :lineNumber, :productId, :sku, :name, :quantity, :revenue, :day)""")
                    .param("orderNumber", orderNumber).param("lineNumber", i + 1).param("productId", line.productId())
                    .param("sku", line.sku()).param("name", line.name()).param("quantity", line.quantity())
                    .param("revenue", line.value().paise()).param("day", day).update();
        }
    }
}
