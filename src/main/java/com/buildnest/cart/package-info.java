/**
 * Shopping carts for customers and guests, priced through the catalogue at read time.
 */
@ApplicationModule(displayName = "Cart", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.cart;

import org.springframework.modulith.ApplicationModule;
