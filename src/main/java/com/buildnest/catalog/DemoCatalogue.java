package com.buildnest.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.Money;

/**
 * Fills an empty catalogue with the demo building materials in {@code catalog/demo-*.tsv}, so the
 * embedded default has something to browse. Runs before the application reports ready.
 */
@Component
@ConditionalOnBooleanProperty("buildnest.catalog.demo-catalogue")
class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final CategoryRepository categories;
    private final ProductRepository products;
    private final Clock clock;

    DemoCatalogue(CategoryRepository categories, ProductRepository products, Clock clock) {
        this.categories = categories;
        this.products = products;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) throws IOException {
        if (products.count() > 0) {
            return;
        }
        Map<String, Long> categoryIds = new HashMap<>();
        int position = 0;
        for (String[] row : rows("catalog/demo-categories.tsv", 3)) {
            Long parent = row[2].isEmpty() ? null : categoryIds.get(row[2]);
            Category saved = categories.save(new Category(row[0], row[1], parent, position++));
            categoryIds.put(saved.slug(), saved.id());
        }
        List<String[]> productRows = rows("catalog/demo-products.tsv", 9);
        for (String[] row : productRows) {
            Long categoryId = categoryIds.get(row[1]);
            if (categoryId == null) {
                throw new IllegalStateException("demo product " + row[0] + " names unknown category " + row[1]);
            }
            products.save(new Product(row[0], row[2], row[3], categoryId, row[8], row[4], Money.ofRupees(row[5]),
                    row[6], new BigDecimal(row[7]), clock.instant()));
        }
        log.info("Loaded the demo catalogue: {} categories, {} products", categoryIds.size(), productRows.size());
    }

    /** Tab-separated rows after the header line, each with exactly {@code columns} fields. */
    private static List<String[]> rows(String resource, int columns) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " fields in: " + line);
                }
                return fields;
            }).toList();
        }
    }
}
