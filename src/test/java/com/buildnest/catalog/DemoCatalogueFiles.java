package com.buildnest.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * The demo catalogue as its TSV files state it, read independently of {@link DemoCatalogue}, so
 * tests can derive what the shop must show (counts, orders, facets) from the data instead of
 * repeating numbers that only mirror the files.
 */
final class DemoCatalogueFiles {

    record DemoCategory(String slug, String name, String parentSlug) {
    }

    /** A product row joined with its selling row and its attributes row, in file order (= id order). */
    record DemoProduct(String sku, String category, String name, String brand, String unit, BigDecimal price,
            String hsn, String description, long weightGrams, long minimum, long step, long maximum, String packs,
            String moreTierPrices, String attributes, String images) {
    }

    static final List<DemoCategory> CATEGORIES = rows("catalog/demo-categories.tsv").stream()
            .map(row -> new DemoCategory(row[0], row[1], row[2])).toList();
    static final List<DemoProduct> PRODUCTS = products();

    private DemoCatalogueFiles() {
    }

    /** The products of a category and of every category below it, in file order. */
    static List<DemoProduct> inCategoryTree(String slug) {
        List<String> slugs = new ArrayList<>(List.of(slug));
        for (int i = 0; i < slugs.size(); i++) {
            String parent = slugs.get(i);
            CATEGORIES.stream().filter(c -> c.parentSlug().equals(parent)).map(DemoCategory::slug).forEach(slugs::add);
        }
        return where(product -> slugs.contains(product.category()));
    }

    static List<DemoProduct> where(Predicate<DemoProduct> condition) {
        return PRODUCTS.stream().filter(condition).toList();
    }

    static List<String> skus(List<DemoProduct> products) {
        return products.stream().map(DemoProduct::sku).toList();
    }

    /** As the search sorts by price: cheapest first, ties in id (file) order. */
    static List<String> byPrice(List<DemoProduct> products, boolean ascending) {
        Comparator<DemoProduct> price = Comparator.comparing(DemoProduct::price);
        return skus(products.stream().sorted(ascending ? price : price.reversed()).toList());
    }

    /** As the search sorts by name: case-insensitively, ties in id (file) order. */
    static List<String> byName(List<DemoProduct> products) {
        return skus(products.stream().sorted(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT))).toList());
    }

    static <K> Map<K, Long> countBy(List<DemoProduct> products, Function<DemoProduct, K> key) {
        return products.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    }

    /** {@code "a=1|b=2"} as ordered pairs; empty for an empty field. */
    static List<String[]> pairs(String field) {
        return field.isEmpty() ? List.of()
                : Arrays.stream(field.split("\\|")).map(pair -> pair.split("=", 2)).toList();
    }

    private static List<DemoProduct> products() {
        Map<String, String[]> selling = byFirstColumn(rows("catalog/demo-selling.tsv"));
        Map<String, String[]> attributes = byFirstColumn(rows("catalog/demo-attributes.tsv"));
        return rows("catalog/demo-products.tsv").stream().map(row -> {
            String[] sale = selling.getOrDefault(row[0], new String[7]);
            String[] described = attributes.getOrDefault(row[0], new String[] { row[0], "", "" });
            return new DemoProduct(row[0], row[1], row[2], row[3], row[4], new BigDecimal(row[5]), row[6], row[7],
                    Long.parseLong(sale[1]), Long.parseLong(sale[2]), Long.parseLong(sale[3]), Long.parseLong(sale[4]),
                    sale[5], sale[6], described[1], described[2]);
        }).toList();
    }

    private static Map<String, String[]> byFirstColumn(List<String[]> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row[0], row -> row));
    }

    private static List<String[]> rows(String resource) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
