package com.buildnest.ordering;

import java.time.Instant;

import com.buildnest.shared.Money;

/**
 * Published by every move of an order, in the transaction that makes it: mail to the customer,
 * the audit log, analytics and partner webhooks follow these.
 *
 * @param from the status before, null when the order was just placed
 * @param refunded how much of the order's own payment has been given back so far, after this move
 * @param actorId who moved it (staff or the customer), null for the system or the payment gateway
 */
public record OrderStatusChanged(String orderNumber, long accountId, OrderStatus from, OrderStatus to, Money total,
        Money refunded, Long actorId, String note, Instant at) {
}
