/**
 * Each customer's wishlist: products they mean to buy later, kept until they remove them.
 * <p>
 * Adding a product is idempotent (a product is on the list once) and refused beyond
 * {@code buildnest.wishlist.max-items}; an unknown or inactive product cannot be added. The list is
 * read with the catalogue's batched offers and inventory's batched stock (a constant number of
 * queries however long it is). A product taken off sale after it was added stays on the list,
 * shown as not available under the name and SKU it had when it was added, until the customer
 * removes it (or it comes back on sale).
 */
@ApplicationModule(displayName = "Wishlist", allowedDependencies = { "shared", "platform", "platform :: web",
        "catalog", "inventory" })
package com.buildnest.wishlist;

import org.springframework.modulith.ApplicationModule;
