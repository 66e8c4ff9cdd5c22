package com.buildnest.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/** What a shopper can read of the catalogue: the category tree and active products. */
@Service
class ProductCatalog {

    static final int MAX_PAGE_SIZE = 100;

    private final CategoryRepository categories;
    private final ProductRepository products;

    ProductCatalog(CategoryRepository categories, ProductRepository products) {
        this.categories = categories;
        this.products = products;
    }

    @Transactional(readOnly = true)
    List<CategoryNode> categoryTree() {
        List<Category> all = categories.findAllByOrderByPositionAscNameAsc();
        Map<Long, List<Category>> byParent = all.stream().filter(c -> c.parentId() != null)
                .collect(Collectors.groupingBy(Category::parentId));
        return all.stream().filter(c -> c.parentId() == null).map(c -> CategoryNode.of(c, byParent)).toList();
    }

    /** Active products by name, optionally within a category and the categories under it. */
    @Transactional(readOnly = true)
    Page<ProductView> products(String categorySlug, int page, int size) {
        PageRequest request = PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE), Sort.by("name", "id"));
        List<Category> all = categories.findAll();
        Map<Long, Category> byId = all.stream().collect(Collectors.toMap(Category::id, Function.identity()));
        Page<Product> found;
        if (categorySlug == null || categorySlug.isBlank()) {
            found = products.findByActiveTrue(request);
        } else {
            Category root = all.stream().filter(c -> c.slug().equals(categorySlug)).findFirst()
                    .orElseThrow(() -> BusinessRuleViolation.notFound("catalog.category-not-found",
                            "No category '" + categorySlug + "'."));
            found = products.findByActiveTrueAndCategoryIdIn(withDescendants(root, all), request);
        }
        return found.map(product -> ProductView.of(product, byId.get(product.categoryId())));
    }

    @Transactional(readOnly = true)
    ProductView product(long id) {
        Product product = products.findByIdAndActiveTrue(id)
                .orElseThrow(() -> BusinessRuleViolation.notFound("catalog.product-not-found",
                        "No product with id " + id + "."));
        return ProductView.of(product, categories.findById(product.categoryId()).orElse(null));
    }

    private static List<Long> withDescendants(Category root, List<Category> all) {
        List<Long> ids = new ArrayList<>(List.of(root.id()));
        for (int i = 0; i < ids.size(); i++) {
            Long parent = ids.get(i);
            all.stream().filter(c -> parent.equals(c.parentId())).map(Category::id).forEach(ids::add);
        }
        return ids;
    }

    /** A category with its sub-categories, as the storefront's menu shows them. */
    record CategoryNode(long id, String slug, String name, List<CategoryNode> children) {
        static CategoryNode of(Category category, Map<Long, List<Category>> byParent) {
            List<CategoryNode> children = byParent.getOrDefault(category.id(), List.of()).stream()
                    .sorted(Comparator.comparingInt(Category::position).thenComparing(Category::name))
                    .map(child -> of(child, byParent)).toList();
            return new CategoryNode(category.id(), category.slug(), category.name(), children);
        }
    }

    /** A product as the API shows it. */
    record ProductView(long id, String sku, String name, String brand, CategoryRef category, String description,
            String unit, Money price, String hsnCode, BigDecimal gstRate) {
        static ProductView of(Product product, Category category) {
            return new ProductView(product.id(), product.sku(), product.name(), product.brand(),
                    category == null ? null : new CategoryRef(category.id(), category.slug(), category.name()),
                    product.description(), product.unit(), product.price(), product.hsnCode(), product.gstRate());
        }
    }

    record CategoryRef(long id, String slug, String name) {
    }
}
