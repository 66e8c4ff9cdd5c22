/**
 * Outbound webhooks for partners. Administrators subscribe a partner's HTTPS endpoint to order
 * events (paid, shipped, delivered, cancelled, refunded) and low stock; each event becomes one
 * delivery per interested subscription in the transaction that caused it, with its JSON payload
 * fixed then. A ShedLock-guarded job posts due deliveries outside any transaction, signed with
 * HMAC-SHA256 over a timestamp and the body, retries failures with exponential backoff and jitter,
 * records every attempt in a delivery log, and disables a subscription whose deliveries keep
 * failing. Targets that resolve to private, loopback or link-local addresses are refused when they
 * are saved and again when a delivery connects (docs/partner-webhooks.md). Nothing depends on it.
 */
@ApplicationModule(displayName = "Partner webhooks", allowedDependencies = { "shared", "platform", "platform :: web",
        "platform :: startup", "ordering", "inventory" })
package com.buildnest.partner;

import org.springframework.modulith.ApplicationModule;
