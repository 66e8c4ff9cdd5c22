/**
 * Checkout and the order lifecycle. An order copies what it sold (prices, GST split by place of
 * supply, delivery address and charge) when it is placed, owns its state machine from pending
 * payment to delivery, cancellation, return and refund ({@link com.buildnest.ordering.OrderStatus}), and
 * publishes {@link com.buildnest.ordering.OrderStatusChanged} on every move. Paid orders get a GST
 * tax invoice numbered per financial year (docs/adr/0008). Unpaid orders whose stock reservation
 * ran out are cancelled by a ShedLock-guarded job. Reporting modules read what an order sold
 * through {@link com.buildnest.ordering.OrderContents}.
 */
@ApplicationModule(displayName = "Ordering", allowedDependencies = { "shared", "platform", "platform :: web",
        "platform :: startup", "inventory", "customer", "catalog", "cart", "payment", "notification" })
package com.buildnest.ordering;

import org.springframework.modulith.ApplicationModule;
