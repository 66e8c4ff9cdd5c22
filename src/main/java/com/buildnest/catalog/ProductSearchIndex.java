package com.buildnest.catalog;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the product search index at start when it does not hold every product (a new index
 * directory, an index lost with its disk, products loaded without it); changes after that reach
 * the index when their transaction commits. Runs after the demo catalogue, before ready.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ProductSearchIndex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductSearchIndex.class);

    private final EntityManagerFactory entityManagerFactory;
    private final ProductRepository products;

    ProductSearchIndex(EntityManagerFactory entityManagerFactory, ProductRepository products) {
        this.entityManagerFactory = entityManagerFactory;
        this.products = products;
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        long indexed;
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            indexed = Search.session(entityManager).search(Product.class).where(f -> f.matchAll())
                    .fetchTotalHitCount();
        }
        long stored = products.count();
        if (indexed != stored) {
            log.info("Rebuilding the product search index: it holds {} of {} products", indexed, stored);
            mapping.scope(Product.class).massIndexer().threadsToLoadObjects(1).mergeSegmentsOnFinish(true).startAndWait();
        }
    }
}
