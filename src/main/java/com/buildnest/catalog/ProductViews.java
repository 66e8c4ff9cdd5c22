package com.buildnest.catalog;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.catalog.ProductCatalog.ProductView;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;

/**
 * The cached part of a product page: everything but stock, which changes with every sale and is
 * added fresh by {@link ProductCatalog#product}. Cached per id in {@value CatalogCache#PRODUCTS}
 * (Caffeine, or Redis under {@code services}/{@code prod}) until an administrative change evicts it
 * or its time to live (10 minutes) ends, which also bounds how long a GST rate change at midnight
 * takes to show. The cache is consulted before the transaction opens, so no Redis call runs inside
 * one; on a miss the product is read in a read-only transaction of its own.
 */
@Component
class ProductViews {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final GstRates gstRates;
    private final CatalogProperties properties;
    private final Clock clock;

    ProductViews(ProductRepository products, CategoryRepository categories, GstRates gstRates,
            CatalogProperties properties, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.gstRates = gstRates;
        this.properties = properties;
        this.clock = clock;
    }

    /** The active product's view with no stock ({@code stock} null); {@code catalog.product-not-found} if absent or inactive. */
    @Cacheable(cacheNames = CatalogCache.PRODUCTS, key = "#id")
    @Transactional(readOnly = true)
    ProductView withoutStock(long id) {
        Product product = products.findByIdAndActiveTrue(id)
                .orElseThrow(() -> BusinessRuleViolation.notFound("catalog.product-not-found",
                        "No product with id " + id + "."));
        LocalDate today = IndianDay.today(clock);
        return ProductView.of(product, categories.findById(product.categoryId()).orElse(null),
                gstRates.tableOn(today).rateFor(product.hsnCode(), today).orElse(null),
                properties.pricesIncludeGst(), 0).withStock(null);
    }
}
