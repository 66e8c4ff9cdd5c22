/**
 * Stock per SKU, in whole units of the SKU's base selling unit: on hand, reserved and available
 * (on hand minus reserved). Every change is one atomic conditional update that cannot take
 * available below zero, recorded in a movement ledger (receipts, adjustments with a reason and an
 * actor, reservations, releases, sales) that explains every number. Reservations hold stock for an
 * opaque reference such as an order number until they are confirmed as a sale, released, or expire
 * (a ShedLock-guarded job releases them on one replica). Falling below a low-stock threshold is
 * announced once per crossing with {@link com.buildnest.inventory.StockRanLow}. Inventory knows
 * nothing of the catalogue: the catalogue calls it with SKUs.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.inventory;

import org.springframework.modulith.ApplicationModule;
