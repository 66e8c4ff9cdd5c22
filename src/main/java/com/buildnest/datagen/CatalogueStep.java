package com.buildnest.datagen;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue: the category tree of {@code datagen/categories.tsv} (categories that already
 * exist, such as the demo catalogue's, are reused by slug), then products drawn from the product
 * families with their tier prices, pack sizes, attributes and images. SKUs are
 * {@code <family>-<brand>-<number>}, numbered after the products already there, so they are unique
 * and the same for the same seed.
 */
final class CatalogueStep implements GeneratorStep {

    private static final int CHUNK = 500;
    private static final int INACTIVE_PERCENT = 3;
    private static final long THREE_YEARS_SECONDS = 3L * 365 * 24 * 3600;
    private static final List<String> VIEWS = List.of("front view", "side view", "close-up", "in use");

    private final List<ProductFamily> families = ProductFamily.all();
    private final int totalShare = families.stream().mapToInt(ProductFamily::share).sum();

    /** A product about to be written: its row, and its children's rows. */
    private record Planned(String sku, Object[] row, GeneratedData.Product product, List<Object[]> tiers,
            List<Object[]> packs, List<Object[]> attributes, List<Object[]> images) {
    }

    @Override
    public String name() {
        return "catalogue";
    }

    @Override
    public Set<String> requires() {
        return Set.of();
    }

    @Override
    public String unit() {
        return "products";
    }

    @Override
    public long size(GenerationOptions options) {
        return options.products();
    }

    @Override
    public void generate(StepContext context) throws SQLException {
        Map<String, Long> categories = categories(context);
        long numberedAfter = context.number("SELECT COUNT(*) FROM catalog_product");
        try (BatchInsert tiers = context.insert("catalog_tier_price", "product_id", "min_quantity", "unit_price_paise");
                BatchInsert packs = context.insert("catalog_pack_size", "product_id", "position", "name", "base_units");
                BatchInsert attributes = context.insert("catalog_product_attribute", "product_id", "position", "name",
                        "attribute_value");
                BatchInsert images = context.insert("catalog_product_image", "product_id", "position", "url",
                        "alt_text")) {
            for (int start = 0; start < context.options.products(); start += CHUNK) {
                List<Planned> chunk = new ArrayList<>();
                for (int i = start; i < Math.min(start + CHUNK, context.options.products()); i++) {
                    chunk.add(plan(context, categories, numberedAfter + i + 1));
                }
                try (BatchInsert products = context.insert("catalog_product", "sku", "name", "brand", "category_id",
                        "description", "unit", "price_paise", "hsn_code", "active", "created_at", "version",
                        "weight_grams", "min_order_quantity", "order_step", "max_order_quantity")) {
                    for (Planned planned : chunk) {
                        products.add(planned.row());
                    }
                }
                Map<String, Long> ids = context.idsByKey("catalog_product", "sku",
                        chunk.stream().map(Planned::sku).toList());
                for (Planned planned : chunk) {
                    long id = ids.get(planned.sku());
                    GeneratedData.Product product = planned.product();
                    context.data.products.add(new GeneratedData.Product(id, product.sku(), product.name(),
                            product.hsnCode(), product.unit(), product.weightGrams(), product.minimumOrder(),
                            product.orderStep(), product.maximumOrder(), product.pricePaise(), product.active(),
                            product.tiers()));
                    addAll(tiers, id, planned.tiers());
                    addAll(packs, id, planned.packs());
                    addAll(attributes, id, planned.attributes());
                    addAll(images, id, planned.images());
                }
                context.advance(chunk.size());
            }
        }
    }

    private Planned plan(StepContext context, Map<String, Long> categories, long number) {
        ProductFamily family = family(context);
        String brand = context.pick(family.brands());
        ProductFamily.Variant variant = context.pick(family.variants());
        Map<String, String> tokens = new HashMap<>();
        tokens.put("brand", brand);
        tokens.put("series", family.series().isEmpty() ? "" : context.pick(family.series()));
        tokens.put("variant", variant.label());
        tokens.put("code", Long.toString(context.between(1000, 9999)));
        List<Object[]> attributes = new ArrayList<>();
        for (String[] fixed : variant.attributes()) {
            attributes.add(new Object[] { attributes.size(), attributeKey(fixed[0]), fixed[1] });
        }
        for (ProductFamily.Attribute attribute : family.attributes()) {
            String value = context.pick(attribute.values());
            tokens.put(attribute.name(), value);
            attributes.add(new Object[] { attributes.size(), attributeKey(attribute.name()), value });
        }
        String sku = "%s-%s-%06d".formatted(family.skuPrefix(), brandCode(brand), number);
        String name = fill(family.namePattern(), tokens);
        long price = rounded(multiply(context.between(family.minPricePaise(), family.maxPricePaise()),
                variant.priceFactor()));
        List<Object[]> tiers = new ArrayList<>();
        tiers.add(new Object[] { family.minimumOrder(), price });
        long tierPrice = price;
        for (long from : family.tierBreaks().subList(0, (int) context.between(0, family.tierBreaks().size()))) {
            tierPrice = Math.min(tierPrice, rounded(tierPrice * (1000 - context.between(15, 40)) / 1000));
            tiers.add(new Object[] { from, tierPrice });
        }
        List<Object[]> packs = new ArrayList<>();
        for (ProductFamily.Pack pack : family.packs()) {
            packs.add(new Object[] { packs.size(), pack.name(), pack.baseUnits() });
        }
        List<Object[]> images = new ArrayList<>();
        for (int view = 0; view < context.between(1, VIEWS.size()); view++) {
            images.add(new Object[] { view, "https://images.buildnest.example/products/%s/%d.jpg".formatted(
                    sku.toLowerCase(), view + 1), shortened(name, 180) + ", " + VIEWS.get(view) });
        }
        StringBuilder description = new StringBuilder(family.description());
        attributes.forEach(attribute -> description.append(' ').append(attribute[1]).append(": ")
                .append(attribute[2]).append('.'));
        Object[] row = { sku, shortened(name, 200), brand, categories.get(family.category()),
                shortened(description.toString(), 2000), family.unit(), price, family.hsn(),
                !context.chance(INACTIVE_PERCENT), StepContext.AS_OF.minusSeconds(context.between(0, THREE_YEARS_SECONDS)),
                0L, Math.max(1, multiply(family.weightGrams(), variant.weightFactor())), family.minimumOrder(),
                family.orderStep(), family.maximumOrder() };
        List<long[]> tierPrices = tiers.stream().map(tier -> new long[] { (long) tier[0], (long) tier[1] }).toList();
        return new Planned(sku, row, new GeneratedData.Product(0, sku, (String) row[1], family.hsn(), family.unit(),
                (long) row[11], family.minimumOrder(), family.orderStep(), family.maximumOrder(), price,
                (boolean) row[8], tierPrices), tiers, packs, attributes, images);
    }

    private ProductFamily family(StepContext context) {
        int ticket = context.random.nextInt(totalShare);
        for (ProductFamily family : families) {
            ticket -= family.share();
            if (ticket < 0) {
                return family;
            }
        }
        throw new IllegalStateException("shares add up to " + totalShare);
    }

    /** The category tree, reusing categories that exist by slug; ids by slug. */
    private Map<String, Long> categories(StepContext context) throws SQLException {
        List<String[]> rows = TabSeparated.rows("categories.tsv", 3);
        Map<String, Long> ids = context.idsByKey("catalog_category", "slug", rows.stream().map(row -> row[0]).toList());
        long position = context.number("SELECT COALESCE(MAX(position), -1) FROM catalog_category") + 1;
        for (String[] row : rows) {
            if (!ids.containsKey(row[0])) {
                try (BatchInsert category = context.insert("catalog_category", "slug", "name", "parent_id", "position")) {
                    category.add(row[0], row[1], row[2].isEmpty() ? null : ids.get(row[2]), position++);
                }
                ids.putAll(context.idsByKey("catalog_category", "slug", List.of(row[0])));
            }
        }
        families.stream().filter(family -> !ids.containsKey(family.category())).findAny().ifPresent(family -> {
            throw new IllegalStateException("product family " + family.skuPrefix() + " names unknown category "
                    + family.category());
        });
        return ids;
    }

    private static void addAll(BatchInsert insert, long productId, List<Object[]> rows) throws SQLException {
        for (Object[] row : rows) {
            Object[] values = new Object[row.length + 1];
            values[0] = productId;
            System.arraycopy(row, 0, values, 1, row.length);
            insert.add(values);
        }
    }

    /** Prices as shops write them: to 50 paise under ₹100, to the rupee under ₹1,000, else to ₹5. */
    static long rounded(long paise) {
        if (paise < 100_00) {
            return Math.max(50, paise / 50 * 50);
        }
        return paise < 1000_00 ? paise / 100 * 100 : paise / 500 * 500;
    }

    private static long multiply(long amount, BigDecimal factor) {
        return factor.multiply(BigDecimal.valueOf(amount)).longValue();
    }

    /** The first three letters or digits of a brand, for its SKUs: "H&R Johnson" is HRJ. */
    private static String brandCode(String brand) {
        String letters = brand.toUpperCase().replaceAll("[^A-Z0-9]", "");
        return letters.substring(0, Math.min(3, letters.length()));
    }

    private static String fill(String pattern, Map<String, String> tokens) {
        String text = pattern;
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            text = text.replace("{" + token.getKey() + "}", token.getValue());
        }
        return text.replaceAll(" {2,}", " ").replace(" ,", ",").strip();
    }

    private static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /**
     * An attribute name as the catalogue stores it: lower case, words joined by dashes ("Breaking
     * capacity" → {@code breaking-capacity}), the form its search facets group by.
     */
    static String attributeKey(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
