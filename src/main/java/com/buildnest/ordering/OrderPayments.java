package com.buildnest.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.buildnest.inventory.Inventory;
import com.buildnest.payment.PaymentCaptured;
import com.buildnest.payment.PaymentFailed;
import com.buildnest.payment.PaymentRefunded;
import com.buildnest.shared.IndianDay;

/**
 * What the payment module's news does to orders. The listeners run in the payment's own
 * transaction, so a payment is captured and its order paid together or not at all; the payment
 * module announces each outcome once, and each handler is idempotent besides. A payment captured
 * for an order that can no longer be paid (cancelled, or its reservation ran out) is noted as a
 * refund owed, which {@link Refunds} pays back; so is one whose stock reservation ran out first.
 * Releasing stock flushes the session and then clears it, so it comes last; selling it does not.
 */
@Component
class OrderPayments {

    private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);

    private final OrderRepository orders;
    private final Orders lifecycle;
    private final Inventory inventory;
    private final InvoiceNumbers invoiceNumbers;
    private final PaidOrderViews paidViews;
    private final Clock clock;

    OrderPayments(OrderRepository orders, Orders lifecycle, Inventory inventory, InvoiceNumbers invoiceNumbers,
            PaidOrderViews paidViews, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.inventory = inventory;
        this.invoiceNumbers = invoiceNumbers;
        this.paidViews = paidViews;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(PaymentCaptured captured) {
        Order order = orders.lockByOrderNumber(captured.orderNumber()).orElse(null);
        if (order == null) {
            log.warn("Payment {} captured for unknown order {}", captured.paymentId(), captured.orderNumber());
            return;
        }
        // The buyer's verify call, waiting on this thread for the order it pays, wants its view: its
        // lines and history (which paying adds to) are read in one statement rather than two lazy ones.
        boolean viewWanted = paidViews.wanted();
        if (viewWanted) {
            orders.loadHistoryAndLines(order.id());
        }
        OrderStatus before = order.status();
        if (!order.awaitsPayment()) {
            if (!captured.paymentId().equals(order.gatewayPaymentId())) {
                order.capturedTooLate(captured.paymentId(), captured.amount(), clock.instant());
                log.info("Payment {} arrived for {} order {}: it will be refunded", captured.paymentId(),
                        order.status(), order.orderNumber());
            }
            return;
        }
        // as the database keeps it, so the view handed to the verify call equals a later read
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The stock is sold first: selling keeps this order managed (releasing would not).
        if (!inventory.confirmIfHeld(order.orderNumber())) {
            // the stock went back to the shelf (the reservation ran out) before the money came: give it back
            order.expire(now);
            order.capturedTooLate(captured.paymentId(), captured.amount(), now);
            lifecycle.published(order, before, null, "payment arrived after the reservation ran out");
            // last: releasing flushes this order and then detaches it from the session
            inventory.release(order.orderNumber());
            return;
        }
        LocalDate today = LocalDate.ofInstant(now, IndianDay.ZONE);
        if (!order.paid(captured.paymentId(), today, now)) {
            // an order awaiting payment has no payment yet, so this cannot happen; never sell unpaid stock
            throw new IllegalStateException("Order " + order.orderNumber() + " refused payment " + captured.paymentId());
        }
        lifecycle.published(order, before, null, "payment " + captured.paymentId());
        // The year's invoice counter is one row that every payment takes in turn and holds until its
        // commit: it is taken last, just before the commit, so payments queue for the counter, the
        // order's own row and the commit only, not for the mail, audit and inbox writes before them.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                order.invoiced(invoiceNumbers.next(today));
                // written by the commit's flush; merged back should anything have cleared the session since
                orders.save(order);
                if (viewWanted) {
                    paidViews.paid(order.accountId(), lifecycle.view(order));
                }
            }
        });
    }

    @EventListener
    @Transactional
    void on(PaymentFailed failed) {
        orders.lockByOrderNumber(failed.orderNumber()).ifPresent(order -> {
            OrderStatus before = order.status();
            if (order.paymentFailed(failed.reason(), clock.instant())) {
                lifecycle.published(order, before, null, failed.reason());
            }
        });
    }

    @EventListener
    @Transactional
    void on(PaymentRefunded refunded) {
        orders.lockByOrderNumber(refunded.orderNumber()).ifPresent(order -> {
            OrderStatus before = order.status();
            order.refunded(refunded.amount(), clock.instant());
            lifecycle.published(order, before, null, "refund " + refunded.refundId());
        });
    }
}
