/**
 * Taking money: the payment gateway seam (Razorpay in production, a simulated gateway in the embedded default). Payment knows nothing of orders: it deals in opaque references and amounts.
 */
@ApplicationModule(displayName = "Payments", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.payment;

import org.springframework.modulith.ApplicationModule;
