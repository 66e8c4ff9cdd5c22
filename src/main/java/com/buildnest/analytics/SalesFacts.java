package com.buildnest.analytics;

import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.ordering.OrderContents;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderStatusChanged;
import com.buildnest.shared.IndianDay;

/**
 * Keeps the sales facts from the moves of orders, after each move commits. Every change of the
 * fact is conditional, so an event delivered twice, or late, never counts twice: the status only
 * follows a later move, and the placed, paid, failed and cancelled moments are each set once.
 * <p>
 * Most moves are one autocommitted {@code insert … on duplicate key update} that creates the fact
 * or applies those conditions to it, with no transaction around it (about 0.3 ms of CPU saved per
 * statement on the purchase path). Only where several rows must change together is there a
 * transaction, which starts with that same statement and so holds the fact's row lock: the first
 * payment with the order's lines (read once from ordering and keyed by line, so they are copied
 * once however often the payment is delivered), and a growth of the refunded total with its refund
 * row. Creating the fact by that insert, rather than looking first, means two first events of one
 * order never both lock a gap and deadlock: the second waits for the first.
 */
@Service
class SalesFacts {

    /**
     * Assignments are applied left to right and MariaDB lets later ones see earlier new values
     * (H2 does not), so nothing here reads a column assigned before it: the status compares
     * against the old {@code status_at}, which is assigned last.
     */
    private static final String UPSERT_FACT = """
            insert into analytics_order_fact (order_number, account_id, status, status_at, total_paise,
                refunded_paise, placed_at, placed_day, paid_at, paid_day, failed_at, failed_day, cancelled_at)
            values (:orderNumber, :accountId, :status, :at, :total, 0, :placedAt, :placedDay, :paidAt, :paidDay,
                :failedAt, :failedDay, :cancelledAt)
            on duplicate key update
                status = case when values(status_at) >= status_at then values(status) else status end,
                placed_at = coalesce(placed_at, values(placed_at)),
                placed_day = coalesce(placed_day, values(placed_day)),
                paid_at = coalesce(paid_at, values(paid_at)),
                paid_day = coalesce(paid_day, values(paid_day)),
                failed_at = coalesce(failed_at, values(failed_at)),
                failed_day = coalesce(failed_day, values(failed_day)),
                cancelled_at = coalesce(cancelled_at, values(cancelled_at)),
                status_at = greatest(status_at, values(status_at))""";

    private final JdbcClient jdbc;
    private final OrderContents contents;
    private final TransactionTemplate transaction;

    SalesFacts(JdbcClient jdbc, OrderContents contents, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * What Spring Modulith's {@code @ApplicationModuleListener} stands for (its events artifact is
     * not on the classpath): after the move commits, on another thread. Not transactional itself:
     * {@link #record} opens a transaction only for the moves that need one.
     */
    @Async
    @TransactionalEventListener
    void on(OrderStatusChanged change) {
        record(change);
    }

    /** Applies one move of an order to its fact; applying the same move again changes nothing. */
    void record(OrderStatusChanged change) {
        boolean paying = pays(change);
        boolean refunding = change.refunded().paise() > 0;
        if (!paying && !refunding) {
            upsertFact(change);
            return;
        }
        transaction.executeWithoutResult(status -> {
            upsertFact(change);
            if (paying) {
                copyLines(change);
            }
            if (refunding) {
                raiseRefunded(change);
            }
        });
    }

    /** Whether this move is the order's payment (delivered once or again), which brings its lines. */
    private static boolean pays(OrderStatusChanged change) {
        return change.to() == OrderStatus.PAID && change.from() != OrderStatus.PAID;
    }

    /** Creates the order's fact or moves it on, conditionally; inside a transaction it also locks it. */
    private void upsertFact(OrderStatusChanged change) {
        LocalDateTime at = LocalDateTime.ofInstant(change.at(), ZoneOffset.UTC);
        LocalDate day = LocalDate.ofInstant(change.at(), IndianDay.ZONE);
        boolean placed = change.from() == null;
        boolean paid = pays(change);
        boolean failed = change.to() == OrderStatus.PAYMENT_FAILED;
        boolean cancelled = change.to() == OrderStatus.CANCELLED;
        // typed, so a null is bound without asking the driver for the parameter's type
        jdbc.sql(UPSERT_FACT)
                .param("orderNumber", change.orderNumber()).param("accountId", change.accountId())
                .param("status", change.to().name()).param("at", at).param("total", change.total().paise())
                .param("placedAt", placed ? at : null, Types.TIMESTAMP)
                .param("placedDay", placed ? day : null, Types.DATE)
                .param("paidAt", paid ? at : null, Types.TIMESTAMP)
                .param("paidDay", paid ? day : null, Types.DATE)
                .param("failedAt", failed ? at : null, Types.TIMESTAMP)
                .param("failedDay", failed ? day : null, Types.DATE)
                .param("cancelledAt", cancelled ? at : null, Types.TIMESTAMP)
                .update();
    }

    /**
     * Copies the paid order's lines in one statement, under the fact's lock. The fact keeps the
     * first payment's day, and so do the lines: a line already copied is kept as it is.
     */
    private void copyLines(OrderStatusChanged change) {
        List<OrderContents.Line> lines = contents.linesOf(change.orderNumber());
        if (lines.isEmpty()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(change.at(), IndianDay.ZONE);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderContents.Line line = lines.get(i);
            values.addAll(List.of(change.orderNumber(), i + 1, line.productId(), line.sku(), line.name(),
                    line.quantity(), line.value().paise(), day));
        }
        jdbc.sql("insert into analytics_product_sale"
                + " (order_number, line_number, product_id, sku, name, quantity, revenue_paise, sale_day) values "
                + String.join(", ", Collections.nCopies(lines.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"))
                + " on duplicate key update order_number = order_number")
                .params(values).update();
    }

    /**
     * Under the fact's lock: when the order's refunded total grew, one refund row for the growth
     * (keyed by the new total), then the new total on the fact. A late, smaller total changes nothing.
     */
    private void raiseRefunded(OrderStatusChanged change) {
        LocalDateTime at = LocalDateTime.ofInstant(change.at(), ZoneOffset.UTC);
        LocalDate day = LocalDate.ofInstant(change.at(), IndianDay.ZONE);
        jdbc.sql("""
                insert into analytics_refund (order_number, refunded_total_paise, amount_paise, refunded_at, refund_day)
                select order_number, :refunded, :refunded - refunded_paise, :at, :day from analytics_order_fact
                where order_number = :orderNumber and refunded_paise < :refunded""")
                .param("orderNumber", change.orderNumber()).param("refunded", change.refunded().paise())
                .param("at", at).param("day", day).update();
        jdbc.sql("""
                update analytics_order_fact set refunded_paise = :refunded
                where order_number = :orderNumber and refunded_paise < :refunded""")
                .param("orderNumber", change.orderNumber()).param("refunded", change.refunded().paise()).update();
    }
}
