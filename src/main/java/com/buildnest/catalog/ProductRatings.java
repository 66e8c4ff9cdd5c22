package com.buildnest.catalog;

import java.math.BigDecimal;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * Where the review module records each product's rating, so that the catalogue can show it and
 * sort by it without depending on reviews (reviews depend on ordering, which depends on the
 * catalogue).
 */
@Service
public class ProductRatings {

    private final ProductRepository products;
    private final EntityManager entityManager;
    private final CatalogCache cache;

    ProductRatings(ProductRepository products, EntityManager entityManager, CatalogCache cache) {
        this.products = products;
        this.entityManager = entityManager;
        this.cache = cache;
    }

    /**
     * Records a product's rating: {@code average} with one decimal place, null exactly when
     * {@code count} is 0. Listings and the product page show it, and {@code sort=rating} orders by
     * it, once the caller's transaction commits. The product need not be on sale; an unknown one is
     * {@code catalog.product-not-found}.
     */
    @Transactional
    public void record(long productId, BigDecimal average, long count) {
        if (count < 0 || (count == 0) != (average == null) || (average != null && average.scale() != 1)) {
            throw new IllegalArgumentException("an average with one decimal place exactly when there are ratings: "
                    + average + ", " + count);
        }
        if (products.rate(productId, average, count) == 0) {
            throw BusinessRuleViolation.notFound("catalog.product-not-found", "No product with id " + productId + ".");
        }
        // The update bypassed the entity: read the product again and have the search index follow it at commit.
        Product product = entityManager.find(Product.class, productId);
        entityManager.refresh(product);
        Search.session(entityManager).indexingPlan().addOrUpdate(product);
        cache.evictProduct(productId);
    }
}
