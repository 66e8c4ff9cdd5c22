package com.buildnest.datagen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A kind of product as a building-materials shop stocks it, one row of
 * {@code datagen/product-families.tsv}: its category, HSN code (one the GST rate table knows),
 * selling unit, brands, series, variants with their price and weight factors and attributes,
 * attributes that vary freely, a price range in rupees, weight, order rules, pack sizes and the
 * quantities where tier prices start.
 */
record ProductFamily(String category, String skuPrefix, String hsn, String unit, int share, String namePattern,
        List<String> brands, List<String> series, List<Variant> variants, List<Attribute> attributes,
        long minPricePaise, long maxPricePaise, long weightGrams, long minimumOrder, long orderStep,
        long maximumOrder, List<Pack> packs, List<Long> tierBreaks, String description) {

    /** A variant: its words in the name, price and weight relative to the family's, fixed attributes. */
    record Variant(String label, BigDecimal priceFactor, BigDecimal weightFactor, List<String[]> attributes) {
    }

    /** An attribute whose value is picked from {@code values} for each product. */
    record Attribute(String name, List<String> values) {
    }

    record Pack(String name, long baseUnits) {
    }

    static List<ProductFamily> all() {
        return TabSeparated.rows("product-families.tsv", 16).stream().map(ProductFamily::of).toList();
    }

    private static ProductFamily of(String[] row) {
        List<Variant> variants = TabSeparated.list(row[8], "|").stream().map(text -> {
            String[] parts = text.split("~", 4);
            List<String[]> fixed = TabSeparated.list(parts[3], ";").stream().map(pair -> pair.split("=", 2)).toList();
            return new Variant(parts[0], new BigDecimal(parts[1]), new BigDecimal(parts[2]), fixed);
        }).toList();
        List<Attribute> attributes = TabSeparated.list(row[9], ";").stream().map(pair -> pair.split("=", 2))
                .map(pair -> new Attribute(pair[0], TabSeparated.list(pair[1], ","))).toList();
        String[] price = row[10].split("-");
        String[] order = row[12].split("/");
        List<Pack> packs = new ArrayList<>();
        for (String pack : TabSeparated.list(row[13], "|")) {
            String[] pair = pack.split("=", 2);
            packs.add(new Pack(pair[0], Long.parseLong(pair[1])));
        }
        List<Long> breaks = TabSeparated.list(row[14], "|").stream().map(Long::valueOf).toList();
        return new ProductFamily(row[0], row[1], row[2], row[3], Integer.parseInt(row[4]), row[5],
                TabSeparated.list(row[6], "|"), TabSeparated.list(row[7], "|"), variants, attributes,
                Long.parseLong(price[0]) * 100, Long.parseLong(price[1]) * 100, Long.parseLong(row[11]),
                Long.parseLong(order[0]), Long.parseLong(order[1]), Long.parseLong(order[2]), packs, breaks, row[15]);
    }
}
