/**
 * Checkout and the order lifecycle: the order aggregate owns its state machine from pending payment to delivery, cancellation and refund.
 */
@ApplicationModule(displayName = "Ordering", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.ordering;

import org.springframework.modulith.ApplicationModule;
