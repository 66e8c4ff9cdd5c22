/**
 * Sales reporting built from business events into its own tables. Every move of an order
 * ({@link com.buildnest.ordering.OrderStatusChanged}) updates one fact per order after the move
 * commits, idempotently, so an event delivered twice counts once; revenue falls on the day of
 * payment and refunds on the day they were made (days in India). Staff read it as a dashboard
 * of one date range: totals, every day zero-filled, orders by status and the top products.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "shared", "platform", "platform :: web",
        "platform :: startup", "ordering" })
package com.buildnest.analytics;

import org.springframework.modulith.ApplicationModule;
