package com.buildnest.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the product search index at start when it does not hold every product (a new index
 * directory, an index lost with its disk, products loaded without it), or when it was built with
 * other analysis than this version's ({@link #ANALYSIS}, noted in a file beside an index on disk);
 * changes after that reach the index when their transaction commits. Runs after the demo
 * catalogue, before ready.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ProductSearchIndex implements ApplicationRunner {

    /**
     * What the index's terms are made by. Change it with {@link ProductSearchAnalysis} or the
     * indexed fields of {@link Product}: an index built otherwise answers with the old words
     * (a size typed "12mm" would not find "12 mm"), so each replica rebuilds its own at its next
     * start.
     */
    static final String ANALYSIS = "2 (sizes written one way, selling unit indexed)";

    private static final Logger log = LoggerFactory.getLogger(ProductSearchIndex.class);

    private final EntityManagerFactory entityManagerFactory;
    private final ProductRepository products;
    /** Where the index notes its analysis; null for an index held in memory, which is built at every start. */
    private final Path analysisNote;

    @Autowired
    ProductSearchIndex(EntityManagerFactory entityManagerFactory, ProductRepository products,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.type:local-filesystem}") String directory,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.root:}") String root) {
        this(entityManagerFactory, products,
                directory.equals("local-filesystem") && !root.isBlank() ? Path.of(root, "product.analysis") : null);
    }

    ProductSearchIndex(EntityManagerFactory entityManagerFactory, ProductRepository products, Path analysisNote) {
        this.entityManagerFactory = entityManagerFactory;
        this.products = products;
        this.analysisNote = analysisNote;
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException, IOException {
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        long indexed;
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            indexed = Search.session(entityManager).search(Product.class).where(f -> f.matchAll())
                    .fetchTotalHitCount();
        }
        long stored = products.count();
        String builtWith = builtWith();
        if (indexed != stored || !ANALYSIS.equals(builtWith)) {
            log.info("Rebuilding the product search index: it holds {} of {} products, built with analysis {} (now {})",
                    indexed, stored, builtWith, ANALYSIS);
            mapping.scope(Product.class).massIndexer().threadsToLoadObjects(1).mergeSegmentsOnFinish(true).startAndWait();
        }
        if (analysisNote != null && !ANALYSIS.equals(builtWith)) {
            Files.createDirectories(analysisNote.getParent());
            Files.writeString(analysisNote, ANALYSIS, StandardCharsets.UTF_8);
        }
    }

    /** The analysis the index on disk was built with: the note's, "1" for an index older than notes. */
    private String builtWith() throws IOException {
        if (analysisNote == null) {
            return ANALYSIS;
        }
        return Files.exists(analysisNote) ? Files.readString(analysisNote, StandardCharsets.UTF_8).strip() : "1";
    }
}
