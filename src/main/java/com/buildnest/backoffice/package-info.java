/**
 * The back office: server-rendered pages for store staff and admins under {@code /admin}
 * (docs/admin-console.md): the sales dashboard, catalogue, inventory, orders, customers, the audit
 * log and the mail outbox. Like the storefront, it is composed from the other modules' public
 * services, the same ones their {@code /api/admin} controllers call: no rule is copied here, and
 * every action is authorised on the server ({@code BackofficeSecurity}, and the modules' own checks).
 */
@ApplicationModule(displayName = "Back office", allowedDependencies = { "shared", "platform", "platform :: web",
        "platform :: security", "catalog", "inventory", "ordering", "payment", "customer", "audit", "notification",
        "analytics", "review" })
package com.buildnest.backoffice;

import org.springframework.modulith.ApplicationModule;
