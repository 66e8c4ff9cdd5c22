package com.buildnest.ordering;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order is in its life, and where it may go next. The order is the only thing that moves
 * itself between these; any move not listed here is refused and changes nothing.
 *
 * <pre>
 * PENDING_PAYMENT → PAID → PACKED → SHIPPED → DELIVERED → RETURN_REQUESTED → RETURNED
 *       │   ↑          │       │                  │                             │
 *       ↓   │          └───────┴→ CANCELLED        └────→ (PARTIALLY_)REFUNDED ←─┘
 * PAYMENT_FAILED                  (refund starts when it was paid)
 * </pre>
 * A failed payment may still be followed by a successful one (the buyer retries, or the gateway's
 * events arrive out of order), so PAYMENT_FAILED can become PAID. An unpaid order that is cancelled,
 * or whose reservation expires, ends CANCELLED. A return request staff reject goes back to
 * DELIVERED (RETURN_REQUESTED → DELIVERED); the order then refuses a second request. A returned
 * order is refunded what was paid and ends REFUNDED.
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAYMENT_FAILED,
    PAID,
    PACKED,
    SHIPPED,
    DELIVERED,
    RETURN_REQUESTED,
    RETURNED,
    CANCELLED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.ofEntries(
            Map.entry(PENDING_PAYMENT, EnumSet.of(PAID, PAYMENT_FAILED, CANCELLED)),
            Map.entry(PAYMENT_FAILED, EnumSet.of(PAID, CANCELLED)),
            Map.entry(PAID, EnumSet.of(PACKED, CANCELLED)),
            Map.entry(PACKED, EnumSet.of(SHIPPED, CANCELLED)),
            Map.entry(SHIPPED, EnumSet.of(DELIVERED)),
            Map.entry(DELIVERED, EnumSet.of(RETURN_REQUESTED, PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(RETURN_REQUESTED, EnumSet.of(RETURNED, DELIVERED)),
            Map.entry(RETURNED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(CANCELLED, EnumSet.of(REFUNDED)),
            Map.entry(PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(REFUNDED, EnumSet.noneOf(OrderStatus.class)));

    /** Whether an order in this state may move to {@code next}. */
    public boolean mayBecome(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the customer may still cancel: nothing has left the warehouse yet. */
    public boolean cancellableByCustomer() {
        return this == PENDING_PAYMENT || this == PAYMENT_FAILED || this == PAID || this == PACKED;
    }
}
