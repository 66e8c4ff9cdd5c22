package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.BuildNestTest;

/**
 * An index found incomplete at start is rebuilt from the database and merged into one segment:
 * facet counts and typo-tolerant words are then worked out over one set of terms instead of one
 * per segment (a fresh search of 50,000 products cost a quarter more CPU over nine segments,
 * docs/benchmarks.md).
 */
@BuildNestTest
class ProductSearchIndexTests {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    ProductRepository products;

    @Autowired
    ProductSearchIndex index;

    @Test
    void anIndexMissingProductsIsRebuiltWithEveryProductInOneSegment() throws Exception {
        var scope = Search.mapping(entityManagerFactory).scope(Product.class);
        scope.workspace().purge();
        assertThat(documents()).isZero();

        index.run(null);

        assertThat(documents()).isEqualTo(products.count());
        try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
            assertThat(reader.leaves()).hasSize(1);
        }
    }

    private long documents() throws IOException {
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            return Search.session(entityManager).search(Product.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
    }
}
