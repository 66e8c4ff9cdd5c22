/**
 * Product reviews from verified buyers, and each product's rating.
 * <p>
 * A customer may review a product once, and only after an order of theirs with it was delivered
 * (asked of {@link com.buildnest.ordering.PurchaseHistory}): a rating from 1 to 5, an optional
 * title and a text, shown with the author's short public name and marked as a verified purchase.
 * Staff hide a review with a reason (and may show it again); a hidden review counts nowhere public.
 * Every change recomputes the product's rating (average to one decimal place, count and
 * distribution by star) under a per-product lock and reports it to the catalogue
 * ({@link com.buildnest.catalog.ProductRatings#record}) in the same transaction, so listings
 * can show it and sort by it. Moderation publishes {@link com.buildnest.review.ReviewEvents} for
 * the audit log.
 */
@ApplicationModule(displayName = "Reviews", allowedDependencies = { "shared", "platform", "platform :: web",
        "catalog", "ordering", "customer" })
package com.buildnest.review;

import org.springframework.modulith.ApplicationModule;
