/**
 * The product catalogue: categories, products with their selling unit, price in paise, HSN code and GST rate, and the read API a shopper browses. In the embedded default it loads a demo catalogue of building materials.
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.catalog;

import org.springframework.modulith.ApplicationModule;
