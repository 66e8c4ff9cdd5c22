package com.buildnest.cart;

import java.util.Map;
import java.util.Optional;

import com.buildnest.catalog.ProductCatalog.Offer;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * What the catalogue offers and the inventory holds of the products a cart names, read once per
 * request (a constant number of queries however long the cart).
 */
record Shelf(Map<Long, Offer> offers, Map<String, Long> available) {

    Optional<Offer> offer(long productId) {
        return Optional.ofNullable(offers.get(productId));
    }

    Offer requireOffer(long productId) {
        return offer(productId).orElseThrow(() -> BusinessRuleViolation.notFound("catalog.product-not-found",
                "No product with id " + productId + " is for sale."));
    }

    /** Units of a SKU available now; an untracked SKU has none. */
    long available(String sku) {
        return Math.max(available.getOrDefault(sku, 0L), 0);
    }
}
