package com.buildnest.catalog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.inventory.Inventory;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/**
 * What a shopper can read of the catalogue (the category tree and active products with their
 * units, packs, tier prices and GST) and what other modules ask of it: {@link #quote} prices a
 * quantity of a product on a day, exactly, for carts and checkout.
 */
@Service
public class ProductCatalog {

    static final int MAX_PAGE_SIZE = 100;

    private final CategoryRepository categories;
    private final ProductRepository products;
    private final GstRates gstRates;
    private final Inventory inventory;
    private final CatalogProperties properties;
    private final Clock clock;
    private final ProductViews views;

    ProductCatalog(CategoryRepository categories, ProductRepository products, GstRates gstRates,
            CatalogProperties properties, Inventory inventory, Clock clock, ProductViews views) {
        this.views = views;
        this.inventory = inventory;
        this.categories = categories;
        this.products = products;
        this.gstRates = gstRates;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The price of {@code quantity} base units of an active product on {@code day}: the tier's
     * unit price, the line total, and GST on the line total at the rate in force that day.
     * Refuses a quantity the product cannot be ordered in ({@code catalog.quantity-*}), an absent
     * product ({@code catalog.product-not-found}) and an HSN code without a rate that day.
     */
    @Transactional(readOnly = true)
    public PriceQuote quote(long productId, long quantity, LocalDate day) {
        Product product = activeProduct(productId);
        product.ordering().require(quantity);
        TierPrices prices = product.prices();
        GstRate rate = gstRates.rateFor(product.hsnCode(), day);
        Money lineTotal = prices.totalFor(quantity);
        Money gst = rate.taxOn(lineTotal);
        return new PriceQuote(productId, product.sku(), quantity, product.unit().code(), prices.unitPriceFor(quantity),
                lineTotal, product.hsnCode(), rate.percent(), gst, lineTotal.plus(gst), day);
    }

    /**
     * A priced line: {@code quantity} in the product's base {@code unit}; amounts exact in paise,
     * {@code unitPrice} and {@code lineTotal} without GST, {@code gstAmount} at {@code gstRate}
     * percent on the line total (rounded half-up to the paisa), {@code totalIncludingGst} their sum.
     */
    public record PriceQuote(long productId, String sku, long quantity, String unit, Money unitPrice,
            Money lineTotal, String hsnCode, BigDecimal gstRate, Money gstAmount, Money totalIncludingGst,
            LocalDate day) {
    }

    /** Cached in {@value CatalogCache#CATEGORIES}; evicted by every category change (CatalogAdministration). */
    @Cacheable(cacheNames = CatalogCache.CATEGORIES, key = "'tree'")
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
        LocalDate today = LocalDate.now(clock);
        GstRateTable rates = gstRates.tableOn(today);
        Map<String, Long> available = inventory.availability(found.map(Product::sku).toList());
        return found.map(product -> ProductView.of(product, byId.get(product.categoryId()),
                rates.rateFor(product.hsnCode(), today).orElse(null), properties.pricesIncludeGst(),
                available.getOrDefault(product.sku(), 0L)));
    }

    /**
     * An active product with its stock now. The rest of the view comes cached from {@link ProductViews};
     * no transaction here, so the cache is asked outside any.
     */
    ProductView product(long id) {
        ProductView view = views.withoutStock(id);
        long available = inventory.availability(List.of(view.sku())).getOrDefault(view.sku(), 0L);
        return view.withStock(StockView.of(available, view.minimumOrderQuantity()));
    }

    private Product activeProduct(long id) {
        return products.findByIdAndActiveTrue(id)
                .orElseThrow(() -> BusinessRuleViolation.notFound("catalog.product-not-found",
                        "No product with id " + id + "."));
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
    record CategoryNode(long id, String slug, String name, List<CategoryNode> children) implements Serializable {
        static CategoryNode of(Category category, Map<Long, List<Category>> byParent) {
            List<CategoryNode> children = byParent.getOrDefault(category.id(), List.of()).stream()
                    .sorted(Comparator.comparingInt(Category::position).thenComparing(Category::name))
                    .map(child -> of(child, byParent)).toList();
            return new CategoryNode(category.id(), category.slug(), category.name(), children);
        }
    }

    /**
     * A product as the API shows it, with today's GST rate. {@code price} and each tier's
     * {@code unitPrice} are per base unit, for the minimum order quantity and the tier, in the
     * configured display mode ({@code gst.priceIncludesGst}); the explicit exclusive and
     * inclusive amounts sit beside them. Without a rate on record today the inclusive amounts and
     * the rate are null and prices show exclusive.
     */
    record ProductView(long id, String sku, String name, String brand, CategoryRef category, String description,
            SellingUnit unit, List<PackSize> packs, long minimumOrderQuantity, long orderStep,
            long maximumOrderQuantity, Money price, Money priceExcludingGst, Money priceIncludingGst,
            List<TierView> tierPrices, String hsnCode, BigDecimal gstRate, GstView gst, long weightGrams,
            StockView stock) implements Serializable {

        /** The same view with another stock (null: none, as cached). */
        ProductView withStock(StockView stock) {
            return new ProductView(id, sku, name, brand, category, description, unit, packs, minimumOrderQuantity,
                    orderStep, maximumOrderQuantity, price, priceExcludingGst, priceIncludingGst, tierPrices, hsnCode,
                    gstRate, gst, weightGrams, stock);
        }

        static ProductView of(Product product, Category category, GstRate rate, boolean pricesIncludeGst,
                long available) {
            boolean inclusive = pricesIncludeGst && rate != null;
            OrderQuantityRule ordering = product.ordering();
            List<TierView> tiers = product.prices().tiers().stream()
                    .map(tier -> TierView.of(tier, rate, inclusive)).toList();
            TierView first = tiers.get(0);
            return new ProductView(product.id(), product.sku(), product.name(), product.brand(),
                    category == null ? null : new CategoryRef(category.id(), category.slug(), category.name()),
                    product.description(), product.unit(), product.packs(), ordering.minimum(), ordering.step(),
                    ordering.maximum(), first.unitPrice(), first.unitPriceExcludingGst(),
                    first.unitPriceIncludingGst(), tiers, product.hsnCode(), rate == null ? null : rate.percent(),
                    new GstView(product.hsnCode(), rate == null ? null : rate.percent(), inclusive),
                    product.weightGrams(), StockView.of(available, ordering.minimum()));
        }
    }

    /**
     * Whether the product can be ordered now: {@code IN_STOCK} when at least the minimum order is
     * available, otherwise {@code OUT_OF_STOCK}; {@code available} in base units.
     */
    record StockView(String status, long available) implements Serializable {
        static StockView of(long available, long minimumOrder) {
            return new StockView(available >= minimumOrder && available > 0 ? "IN_STOCK" : "OUT_OF_STOCK",
                    Math.max(available, 0));
        }
    }

    /** A price tier as the API shows it: {@code maxQuantity} null for the open-ended last tier. */
    record TierView(long minQuantity, Long maxQuantity, Money unitPrice, Money unitPriceExcludingGst,
            Money unitPriceIncludingGst) implements Serializable {
        static TierView of(TierPrices.Tier tier, GstRate rate, boolean inclusive) {
            Money including = rate == null ? null : rate.addTo(tier.unitPrice());
            return new TierView(tier.minQuantity(), tier.maxQuantity(), inclusive ? including : tier.unitPrice(),
                    tier.unitPrice(), including);
        }
    }

    /** The GST applied to the shown prices: today's rate for the HSN code, and the display mode. */
    record GstView(String hsnCode, BigDecimal rate, boolean priceIncludesGst) implements Serializable {
    }

    record CategoryRef(long id, String slug, String name) implements Serializable {
    }
}
