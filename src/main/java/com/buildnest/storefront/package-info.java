/**
 * Server-rendered pages for shoppers (docs/storefront.md), composed from the other modules' public
 * services, the same ones their REST controllers call: no rule is copied here. Pages have their
 * own security filter chain ({@code PageSecurity}): a server session cookie, form sign-in through
 * the customer module's password check, CSRF on every form.
 */
@ApplicationModule(displayName = "Storefront", allowedDependencies = { "shared", "platform", "platform :: web",
        "platform :: startup", "platform :: security", "platform :: throttle", "catalog", "cart", "customer", "ordering", "payment", "review", "wishlist" })
package com.buildnest.storefront;

import org.springframework.modulith.ApplicationModule;
