package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void anIndexBuiltWithOtherAnalysisIsRebuiltOnceAndNoted(@TempDir Path directory) throws Exception {
        Path note = directory.resolve("product.analysis");
        ProductSearchIndex onDisk = new ProductSearchIndex(entityManagerFactory, products, note);

        onDisk.run(null); // no note: an index from before notes were kept
        assertThat(note).hasContent(ProductSearchIndex.ANALYSIS);
        List<String> rebuilt = segments();

        onDisk.run(null);
        assertThat(segments()).as("built with this analysis: left as it is").isEqualTo(rebuilt);

        Files.writeString(note, "1");
        onDisk.run(null);
        assertThat(segments()).as("built with other analysis: rebuilt").isNotEqualTo(rebuilt);
        assertThat(documents()).isEqualTo(products.count());
        assertThat(note).hasContent(ProductSearchIndex.ANALYSIS);
    }

    private List<String> segments() throws IOException {
        var scope = Search.mapping(entityManagerFactory).scope(Product.class);
        try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
            return reader.leaves().stream()
                    .map(leaf -> ((SegmentReader) FilterLeafReader.unwrap(leaf.reader())).getSegmentName()).toList();
        }
    }

    private long documents() throws IOException {
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            return Search.session(entityManager).search(Product.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
    }
}
