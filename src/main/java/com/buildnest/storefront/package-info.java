/**
 * Server-rendered pages for shoppers and staff, composed from the other modules.
 */
@ApplicationModule(displayName = "Storefront", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.storefront;

import org.springframework.modulith.ApplicationModule;
