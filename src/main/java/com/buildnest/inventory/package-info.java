/**
 * Stock per SKU — on hand, reserved and available — changed only through atomic conditional updates, with a movement ledger.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.inventory;

import org.springframework.modulith.ApplicationModule;
