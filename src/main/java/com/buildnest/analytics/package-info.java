/**
 * Sales reporting built from business events into its own tables. Every move of an order
 * ({@link com.buildnest.ordering.OrderStatusChanged}) updates one fact per order after the move
 * commits, idempotently, so an event delivered twice counts once; revenue falls on the day of
 * payment and refunds on the day they were made (days in India). Staff read it as a dashboard
 * of one date range: totals, every day zero-filled (revenue, refunds, payment failures), orders by
 * status, and the top products and categories (the catalogue says which category a product is in).
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "shared", "platform", "platform :: web",
        "platform :: startup", "ordering", "catalog" })
package com.buildnest.analytics;

import org.springframework.modulith.ApplicationModule;
