package com.buildnest.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.buildnest.inventory.Inventory;

/**
 * Keeps inventory's group default of each product's SKU equal to its category's low-stock
 * threshold: the category's own, else the nearest parent's, else none (inventory's configured
 * default). Called whenever a product is created or moved, and when a category's threshold or
 * parent changes, in the same transaction as the change. Groupings by threshold write "none" as
 * -1, which no real threshold can be.
 */
@Component
class CategoryThresholds {

    private final CategoryRepository categories;
    private final AdminProductRepository products;
    private final Inventory inventory;

    CategoryThresholds(CategoryRepository categories, AdminProductRepository products, Inventory inventory) {
        this.categories = categories;
        this.products = products;
        this.inventory = inventory;
    }

    /** A product's SKU follows its category's threshold. */
    void follow(String sku, long categoryId) {
        follow(Map.of(categoryId, List.of(sku)));
    }

    /** Products' SKUs, by category, follow their categories' thresholds (an import's, in a few statements). */
    void follow(Map<Long, List<String>> skusByCategory) {
        if (skusByCategory.isEmpty()) {
            return;
        }
        Map<Long, Category> all = byId(categories.findAll());
        Map<Long, List<String>> skusByThreshold = new HashMap<>();
        skusByCategory.forEach((categoryId, skus) -> {
            Long threshold = inherited(all.get(categoryId), all);
            skusByThreshold.computeIfAbsent(threshold == null ? -1L : threshold, t -> new ArrayList<>()).addAll(skus);
        });
        skusByThreshold.forEach((threshold, skus) ->
                inventory.setDefaultLowStockThreshold(skus, threshold < 0 ? null : threshold));
    }

    /** Every product in a category or below it follows the threshold now in force there. */
    void refreshBelow(long categoryId) {
        Map<Long, Category> all = byId(categories.findAll());
        Map<Long, List<Long>> children = all.values().stream().filter(c -> c.parentId() != null)
                .collect(Collectors.groupingBy(Category::parentId, Collectors.mapping(Category::id, Collectors.toList())));
        Map<Long, Long> thresholds = new HashMap<>();
        List<Long> pending = new ArrayList<>(List.of(categoryId));
        while (!pending.isEmpty()) {
            Long id = pending.remove(pending.size() - 1);
            thresholds.put(id, inherited(all.get(id), all));
            pending.addAll(children.getOrDefault(id, List.of()));
        }
        Map<Long, List<Long>> categoriesByThreshold = thresholds.entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getValue() == null ? -1L : e.getValue(),
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        categoriesByThreshold.forEach((threshold, ids) -> {
            List<String> skus = products.findSkusByCategoryIdIn(ids);
            if (!skus.isEmpty()) {
                inventory.setDefaultLowStockThreshold(skus, threshold < 0 ? null : threshold);
            }
        });
    }

    /** The threshold in force in a category: its own, or the nearest parent's; null if none sets one. */
    static Long inherited(Category category, Map<Long, Category> all) {
        for (Category c = category; c != null; c = c.parentId() == null ? null : all.get(c.parentId())) {
            if (c.lowStockThreshold() != null) {
                return c.lowStockThreshold();
            }
        }
        return null;
    }

    private static Map<Long, Category> byId(Collection<Category> categories) {
        return categories.stream().filter(Objects::nonNull)
                .collect(Collectors.toMap(Category::id, Function.identity()));
    }
}
