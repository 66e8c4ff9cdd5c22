package com.buildnest.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.inventory.Inventory;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;

/**
 * Staff's changes to the catalogue: products and categories created, read, updated and taken off
 * sale. A product is never deleted (orders name it): it becomes inactive and leaves the shop. A new
 * product is tracked in inventory in the same transaction. Updates name the version they read; a
 * stale one is refused with {@code request.concurrent-change} and changes nothing.
 */
@Service
public class CatalogAdministration {

    private final AdminProductRepository products;
    private final CategoryRepository categories;
    private final GstRates gstRates;
    private final Inventory inventory;
    private final CatalogCache cache;
    private final CategoryThresholds thresholds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogAdministration(AdminProductRepository products, CategoryRepository categories, GstRates gstRates,
            Inventory inventory, CatalogCache cache, CategoryThresholds thresholds, ApplicationEventPublisher events,
            Clock clock) {
        this.products = products;
        this.categories = categories;
        this.gstRates = gstRates;
        this.inventory = inventory;
        this.cache = cache;
        this.thresholds = thresholds;
        this.events = events;
        this.clock = clock;
    }

    /** A product as staff see it, active or not, with the version an update must name. */
    public record AdminProduct(long id, String sku, String name, String brand, long categoryId, String description,
            SellingUnit unit, List<PackSize> packs, long minimumOrderQuantity, long orderStep,
            long maximumOrderQuantity, List<Price> prices, String hsnCode, long weightGrams,
            List<ProductAttribute> attributes, List<ProductImage> images, boolean active, long version) {

        static AdminProduct of(Product product) {
            OrderQuantityRule ordering = product.ordering();
            return new AdminProduct(product.id(), product.sku(), product.name(), product.brand(),
                    product.categoryId(), product.description(), product.unit(), product.packs(), ordering.minimum(),
                    ordering.step(), ordering.maximum(), product.prices().breaks().stream()
                            .map(b -> new Price(b.minQuantity(), b.unitPrice())).toList(),
                    product.hsnCode(), product.weightGrams(), product.attributes(), product.images(),
                    product.active(), product.version());
        }
    }

    /** A price break: from {@code minQuantity} base units, {@code unitPrice} each, tax-exclusive. */
    public record Price(long minQuantity, Money unitPrice) {
    }

    /**
     * A category as staff see it.
     *
     * @param lowStockThreshold the category's own threshold, or null to follow its parent's
     */
    public record AdminCategory(long id, String slug, String name, Long parentId, int position,
            Long lowStockThreshold) {
        static AdminCategory of(Category category) {
            return new AdminCategory(category.id(), category.slug(), category.name(), category.parentId(),
                    category.position(), category.lowStockThreshold());
        }
    }

    /** A product as a line of staff's list: what tells products apart at a glance. */
    public record ProductLine(long id, String sku, String name, String brand, long categoryId, Money price,
            String unit, boolean inStock, boolean active) {
        static ProductLine of(Product product) {
            return new ProductLine(product.id(), product.sku(), product.name(), product.brand(),
                    product.categoryId(), product.startingPrice(), product.unit().code(), product.inStock(),
                    product.active());
        }
    }

    /**
     * Staff's search of the catalogue, active products and inactive ones alike.
     *
     * @param text part of the SKU, name or brand (any case), or null for every product
     * @param categoryId the category the products are in, or in any category below it, or null for all
     * @param active true for products on sale, false for those taken off sale, null for both
     */
    public record ProductFilter(String text, Long categoryId, Boolean active) {
    }

    /** A page of staff's product list, with every category (to name the products' and to filter by). */
    public record ProductList(List<AdminCategory> categories, Page<ProductLine> products) {
    }

    /**
     * Every category and a page of the products the filter matches, in SKU order, in three statements
     * (the categories, the page and its count); a category's filter takes in its sub-categories, at
     * any depth, as the storefront's listing of a category does.
     */
    @Transactional(readOnly = true)
    public ProductList productList(ProductFilter filter, Pageable page) {
        List<Category> all = categories.findAllByOrderByPositionAscNameAsc();
        String text = filter.text() == null || filter.text().isBlank() ? null
                : "%" + filter.text().trim().toLowerCase(java.util.Locale.ROOT).replace("!", "!!")
                        .replace("%", "!%").replace("_", "!_") + "%";
        Page<Product> found = filter.categoryId() == null ? products.search(text, filter.active(), page)
                : products.searchIn(Category.subtreeOf(filter.categoryId(), all), text, filter.active(), page);
        return new ProductList(all.stream().map(AdminCategory::of).toList(), found.map(ProductLine::of));
    }

    /** Every category, in the shop's order (position, then name). */
    @Transactional(readOnly = true)
    public List<AdminCategory> categories() {
        return categories.findAllByOrderByPositionAscNameAsc().stream().map(AdminCategory::of).toList();
    }

    /**
     * Adds a product and starts tracking its stock. Refuses a taken SKU ({@code catalog.sku-taken}),
     * an unknown category, an HSN code with no GST rate today ({@code catalog.gst-rate-unknown}) and
     * a form breaking a catalogue rule ({@code catalog.invalid-product}).
     */
    @Transactional
    public AdminProduct createProduct(ProductForm form, long actorId) {
        ProductForm.Specification spec = check(form);
        if (products.existsBySku(form.sku())) {
            throw skuTaken(form.sku());
        }
        Product product = newProduct(form, spec, clock.instant());
        try {
            product = products.saveAndFlush(product);
        } catch (DataIntegrityViolationException raced) {
            throw skuTaken(form.sku());
        }
        inventory.track(product.sku(), null);
        thresholds.follow(product.sku(), product.categoryId());
        AdminProduct created = AdminProduct.of(product);
        events.publishEvent(new CatalogEvents.ProductChanged(created.id(), created.sku(), "created",
                "name: " + created.name() + "; category: " + created.categoryId() + "; prices: " + created.prices(),
                actorId, clock.instant()));
        return created;
    }

    @Transactional(readOnly = true)
    public AdminProduct product(long id) {
        return AdminProduct.of(existing(id));
    }

    /**
     * Replaces a product's details if {@code form.version()} is still current. The SKU cannot change
     * ({@code catalog.sku-immutable}); {@code active} null leaves the product on or off sale as it is.
     */
    @Transactional
    public AdminProduct updateProduct(long id, ProductForm form, long actorId) {
        Product product = existing(id);
        if (form.version() == null || form.version() != product.version()) {
            throw new ObjectOptimisticLockingFailureException(Product.class, id);
        }
        if (!product.sku().equals(form.sku())) {
            throw BusinessRuleViolation.invalidField("catalog.sku-immutable", "sku",
                    "A product's SKU cannot change: it is " + product.sku() + ".");
        }
        ProductForm.Specification spec = check(form);
        AdminProduct before = AdminProduct.of(product);
        apply(product, form, spec);
        product.followStock(inventory.availability(List.of(product.sku())).getOrDefault(product.sku(), 0L));
        products.saveAndFlush(product);
        cache.evictProduct(id);
        AdminProduct after = AdminProduct.of(product);
        if (before.categoryId() != after.categoryId()) {
            thresholds.follow(after.sku(), after.categoryId());
        }
        if (before.version() != after.version()) {
            events.publishEvent(new CatalogEvents.ProductChanged(id, after.sku(), "updated",
                    CatalogEvents.differences(before, after), actorId, clock.instant()));
        }
        return after;
    }

    /** Takes a product off sale; it stays for order history. Doing so twice is harmless. */
    @Transactional
    public void deactivateProduct(long id, long actorId) {
        Product product = existing(id);
        if (product.active()) {
            product.deactivate();
            events.publishEvent(new CatalogEvents.ProductChanged(id, product.sku(), "deactivated", "active: true → false",
                    actorId, clock.instant()));
        }
        cache.evictProduct(id);
    }

    @Transactional
    public AdminCategory createCategory(CategoryForm form, long actorId) {
        if (categories.findBySlug(form.slug()).isPresent()) {
            throw slugTaken(form.slug());
        }
        requireParent(null, form.parentId());
        Category category = new Category(form.slug(), form.name().trim(), form.parentId(),
                form.position() == null ? 0 : form.position(), form.lowStockThreshold());
        AdminCategory created = AdminCategory.of(categories.save(category));
        cache.evictCategories();
        events.publishEvent(new CatalogEvents.CategoryChanged(created.id(), created.slug(), "created",
                CatalogEvents.differences(new AdminCategory(created.id(), null, null, null, 0, null), created),
                actorId, clock.instant()));
        return created;
    }

    @Transactional(readOnly = true)
    public AdminCategory category(long id) {
        return AdminCategory.of(existingCategory(id));
    }

    /** Renames or moves a category; refuses a taken slug and a parent inside the category itself. */
    @Transactional
    public AdminCategory updateCategory(long id, CategoryForm form, long actorId) {
        Category category = existingCategory(id);
        AdminCategory before = AdminCategory.of(category);
        categories.findBySlug(form.slug()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw slugTaken(form.slug());
        });
        requireParent(id, form.parentId());
        category.update(form.slug(), form.name().trim(), form.parentId(),
                form.position() == null ? category.position() : form.position(), form.lowStockThreshold());
        categories.flush();
        AdminCategory after = AdminCategory.of(category);
        if (!Objects.equals(before.lowStockThreshold(), after.lowStockThreshold())
                || !Objects.equals(before.parentId(), after.parentId())) {
            thresholds.refreshBelow(id);
        }
        cache.evictCategories();
        cache.evictProducts(); // product views name their category
        if (!before.equals(after)) {
            events.publishEvent(new CatalogEvents.CategoryChanged(id, after.slug(), "updated",
                    CatalogEvents.differences(before, after), actorId, clock.instant()));
        }
        return after;
    }

    /**
     * Deletes an empty category. One that holds products (on sale or kept for order history) or
     * sub-categories is refused with {@code catalog.category-in-use}.
     */
    @Transactional
    public void deleteCategory(long id, long actorId) {
        Category category = existingCategory(id);
        if (products.existsByCategoryIdAndActiveTrue(id)) {
            throw inUse(category, "products on sale; move or deactivate them first");
        }
        if (products.existsByCategoryId(id)) {
            throw inUse(category, "products kept for order history; move them to another category first");
        }
        if (categories.findAll().stream().anyMatch(c -> Objects.equals(c.parentId(), id))) {
            throw inUse(category, "sub-categories; move or delete them first");
        }
        categories.delete(category);
        cache.evictCategories();
        events.publishEvent(new CatalogEvents.CategoryChanged(id, category.slug(), "deleted", "name: "
                + category.name(), actorId, clock.instant()));
    }

    /** The form's values as value objects, once its category and GST rate are known. */
    ProductForm.Specification check(ProductForm form) {
        ProductForm.Specification spec = form.toSpecification();
        if (!categories.existsById(form.categoryId())) {
            throw BusinessRuleViolation.invalidField("catalog.category-not-found", "categoryId",
                    "No category with id " + form.categoryId() + ".");
        }
        LocalDate today = IndianDay.today(clock);
        if (gstRates.tableOn(today).rateFor(form.hsnCode(), today).isEmpty()) {
            throw BusinessRuleViolation.invalidField("catalog.gst-rate-unknown", "hsnCode",
                    "No GST rate is on record for HSN " + form.hsnCode() + " on " + today + ".");
        }
        return spec;
    }

    /** A new product as a checked form describes it, on sale unless the form says {@code active: false}. */
    static Product newProduct(ProductForm form, ProductForm.Specification spec, Instant now) {
        Product product = new Product(form.sku(), form.name().trim(), form.brand().trim(), form.categoryId(),
                blankToNull(form.description()), spec.unit(), spec.packs(), spec.ordering(), spec.prices(),
                form.hsnCode(), form.weightGrams(), now);
        product.detail(spec.attributes(), spec.images());
        if (Boolean.FALSE.equals(form.active())) {
            product.deactivate();
        }
        return product;
    }

    static void apply(Product product, ProductForm form, ProductForm.Specification spec) {
        product.update(form.name().trim(), form.brand().trim(), form.categoryId(), blankToNull(form.description()),
                spec.unit(), spec.packs(), spec.ordering(), spec.prices(), form.hsnCode(), form.weightGrams());
        product.detail(spec.attributes(), spec.images());
        if (Boolean.TRUE.equals(form.active())) {
            product.activate();
        } else if (Boolean.FALSE.equals(form.active())) {
            product.deactivate();
        }
    }

    private Product existing(long id) {
        return products.findById(id).orElseThrow(() -> BusinessRuleViolation.notFound("catalog.product-not-found",
                "No product with id " + id + "."));
    }

    private Category existingCategory(long id) {
        return categories.findById(id).orElseThrow(() -> BusinessRuleViolation.notFound(
                "catalog.category-not-found", "No category with id " + id + "."));
    }

    /** The parent must exist and, for an existing category, not be the category or one inside it. */
    private void requireParent(Long id, Long parentId) {
        if (parentId == null) {
            return;
        }
        Category parent = categories.findById(parentId).orElseThrow(() -> BusinessRuleViolation.invalidField(
                "catalog.category-not-found", "parentId", "No category with id " + parentId + "."));
        for (Category above = parent; above != null && id != null;
                above = above.parentId() == null ? null : categories.findById(above.parentId()).orElse(null)) {
            if (above.id().equals(id)) {
                throw BusinessRuleViolation.invalidField("catalog.category-cycle", "parentId",
                        "A category cannot sit inside itself or one of its own sub-categories.");
            }
        }
    }

    static BusinessRuleViolation skuTaken(String sku) {
        return BusinessRuleViolation.conflict("catalog.sku-taken", "Another product already has SKU " + sku + ".");
    }

    private static BusinessRuleViolation slugTaken(String slug) {
        return BusinessRuleViolation.conflict("catalog.slug-taken", "Another category already has slug " + slug + ".");
    }

    private static BusinessRuleViolation inUse(Category category, String why) {
        return BusinessRuleViolation.conflict("catalog.category-in-use",
                "Category '" + category.slug() + "' still has " + why + ".");
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
