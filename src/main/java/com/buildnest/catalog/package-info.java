/**
 * The product catalogue: categories; products counted in a base unit, with pack sizes, minimum
 * order quantity and step, tier prices in paise (tax-exclusive), HSN code and weight, attributes
 * (grade, size, finish…) to search and filter by and images; an
 * effective-dated GST rate table by HSN prefix ({@link com.buildnest.catalog.GstRates}); the read
 * API a shopper browses; and {@link com.buildnest.catalog.ProductCatalog#quote}, which prices a
 * quantity on a day for carts and checkout. In the embedded default it loads a demo catalogue of
 * building materials.
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup",
        "inventory" })
package com.buildnest.catalog;

import org.springframework.modulith.ApplicationModule;
