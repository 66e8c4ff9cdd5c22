package com.buildnest.catalog;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

import com.buildnest.inventory.OpeningStock;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;

/**
 * Fills an empty catalogue with the demo building materials in {@code catalog/demo-*.tsv}, and
 * their stock, so the embedded default has something to browse and buy. Runs before the application reports ready.
 * The attributes and images of {@value #ATTRIBUTES} are optional, file and rows alike: a product
 * without a row has none. An image's alternative text is the product's name.
 */
@Component
@ConditionalOnBooleanProperty("buildnest.catalog.demo-catalogue")
class DemoCatalogue implements ApplicationRunner {

    static final String LOW_STOCK_SKU = "SAN-HIN-EWC";
    static final String SOLD_OUT_SKU = "HW-HIN-SS-4";
    static final String ATTRIBUTES = "catalog/demo-attributes.tsv";
    /** Movements made by BuildNest itself rather than by a person carry actor id 0. */
    private static final long SYSTEM_ACTOR = 0;
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final CategoryRepository categories;
    private final ProductRepository products;
    private final OpeningStock stock;
    private final GstRates gstRates;
    private final Clock clock;

    DemoCatalogue(CategoryRepository categories, ProductRepository products, GstRates gstRates, OpeningStock stock,
            Clock clock) {
        this.stock = stock;
        this.categories = categories;
        this.products = products;
        this.gstRates = gstRates;
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
        for (String[] row : CatalogTables.rows("catalog/demo-categories.tsv", 3)) {
            Long parent = row[2].isEmpty() ? null : categoryIds.get(row[2]);
            Category saved = categories.save(new Category(row[0], row[1], parent, position++, null));
            categoryIds.put(saved.slug(), saved.id());
        }
        Map<String, String[]> selling = new HashMap<>();
        for (String[] row : CatalogTables.rows("catalog/demo-selling.tsv", 7)) {
            selling.put(row[0], row);
        }
        LocalDate today = IndianDay.today(clock);
        GstRateTable rates = gstRates.tableOn(today);
        List<String[]> productRows = CatalogTables.rows("catalog/demo-products.tsv", 8);
        Map<String, String[]> details = details();
        Map<String, Long> openingStock = new HashMap<>();
        for (String[] row : productRows) {
            Long categoryId = categoryIds.get(row[1]);
            String[] sale = selling.get(row[0]);
            if (categoryId == null || sale == null) {
                throw new IllegalStateException("demo product " + row[0] + " names unknown category " + row[1]
                        + " or has no row in demo-selling.tsv");
            }
            if (rates.rateFor(row[6], today).isEmpty()) {
                throw GstRates.unknown(row[6], today); // a demo product must be sellable today
            }
            OrderQuantityRule ordering = new OrderQuantityRule(Long.parseLong(sale[2]), Long.parseLong(sale[3]),
                    Long.parseLong(sale[4]));
            List<TierPrices.Break> breaks = new ArrayList<>(
                    List.of(new TierPrices.Break(ordering.minimum(), Money.ofRupees(row[5]))));
            pairs(sale[6]).forEach(pair -> breaks.add(
                    new TierPrices.Break(Long.parseLong(pair[0]), Money.ofRupees(pair[1]))));
            List<PackSize> packs = pairs(sale[5]).stream()
                    .map(pair -> new PackSize(pair[0], Long.parseLong(pair[1]))).toList();
            Product product = new Product(row[0], row[2], row[3], categoryId, row[7], SellingUnit.ofCode(row[4]), packs,
                    ordering, TierPrices.of(ordering.minimum(), breaks), row[6], Long.parseLong(sale[1]),
                    clock.instant());
            String[] detail = details.remove(row[0]);
            if (detail != null) {
                detail(product, detail);
            }
            long opening = openingStock(row[0], ordering.minimum());
            openingStock.put(row[0], opening);
            product.followStock(opening);
            products.save(product);
        }
        stock.open(openingStock, "demo stock", SYSTEM_ACTOR);
        if (!details.isEmpty()) {
            throw new IllegalStateException(ATTRIBUTES + " names products demo-products.tsv has not: "
                    + details.keySet());
        }
        log.info("Loaded the demo catalogue: {} categories, {} products", categoryIds.size(), productRows.size());
    }

    /** The rows of the optional attributes file by SKU; none without the file. */
    private static Map<String, String[]> details() throws IOException {
        Map<String, String[]> bySku = new HashMap<>();
        if (new ClassPathResource(ATTRIBUTES).exists()) {
            CatalogTables.rows(ATTRIBUTES, 3).forEach(row -> bySku.put(row[0], row));
        }
        return bySku;
    }

    /** Attributes {@code name=value|…} and images {@code url|…} of a row, onto its product. */
    private static void detail(Product product, String[] row) {
        List<ProductAttribute> attributes = pairs(row[1]).stream().map(pair -> {
            if (pair.length != 2) {
                throw new IllegalStateException(ATTRIBUTES + ": " + row[0] + " has an attribute without =");
            }
            return new ProductAttribute(pair[0], pair[1]);
        }).toList();
        List<ProductImage> images = row[2].isEmpty() ? List.of()
                : Arrays.stream(row[2].split("\\|")).map(url -> new ProductImage(url, product.name())).toList();
        product.detail(attributes, images);
    }

    /**
     * Demo stock: enough for 400 minimum orders of each product, except one product running low and
     * one sold out, so every stock status can be seen. Written for all products at once at the end.
     */
    private static long openingStock(String sku, long minimumOrder) {
        return switch (sku) {
            case LOW_STOCK_SKU -> 3;
            case SOLD_OUT_SKU -> 0;
            default -> minimumOrder * 400;
        };
    }

    /** {@code "a=1|b=2"} as pairs; empty for an empty field. */
    private static List<String[]> pairs(String field) {
        return field.isEmpty() ? List.of() : Arrays.stream(field.split("\\|")).map(pair -> pair.split("=", 2)).toList();
    }
}
