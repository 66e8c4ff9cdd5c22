package com.buildnest.catalog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.inventory.Inventory;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;
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
    private final ProductSearch search;
    private final CatalogProperties properties;
    private final Clock clock;
    private final ProductViews views;
    private final CatalogMemo memo;
    private final TransactionTemplate readOnly;

    ProductCatalog(CategoryRepository categories, ProductRepository products, GstRates gstRates,
            CatalogProperties properties, Inventory inventory, ProductSearch search, Clock clock, ProductViews views,
            CatalogMemo memo, PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.views = views;
        this.memo = memo;
        this.inventory = inventory;
        this.search = search;
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
        return Offer.of(product, gstRates.rateFor(product.hsnCode(), day), day).quote(quantity);
    }

    /**
     * What the catalogue offers of each of {@code productIds} on {@code day}, to price a whole cart
     * at once: active products only (an id that is unknown or off sale is absent from the map), in
     * two queries however many ids (the GST rates in force, the products with their tier prices).
     */
    @Transactional(readOnly = true)
    public Map<Long, Offer> offers(Collection<Long> productIds, LocalDate day) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        GstRateTable rates = gstRates.tableOn(day);
        List<Product> onSale = productIds.size() == 1 ? products.onSaleWithPrices(productIds.iterator().next())
                : products.onSaleWithPrices(productIds);
        return onSale.stream()
                .collect(Collectors.toMap(Product::id,
                        product -> Offer.of(product, rates.rateFor(product.hsnCode(), day).orElse(null), day)));
    }

    /**
     * The category each of {@code productIds} is shelved in now, on sale or not, for modules that
     * report by category (analytics): one query however many ids; an unknown id is absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, CategoryRef> categoriesOf(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return products.categoriesOf(productIds).stream().collect(Collectors.toMap(row -> (Long) row[0],
                row -> new CategoryRef((Long) row[1], (String) row[2], (String) row[3])));
    }

    /** Whether the product exists and is on sale (active). */
    @Transactional(readOnly = true)
    public boolean onSale(long productId) {
        return products.existsByIdAndActiveTrue(productId);
    }

    /**
     * An active product as it may be ordered on {@code day}: the quantities it may be ordered in
     * and its tier prices, both in its base {@code unit}, and the GST rate that day ({@code gstRate}
     * null when none is on record, so it cannot be quoted).
     */
    public record Offer(long productId, String sku, String name, String unit, OrderQuantityRule ordering,
            TierPrices prices, String hsnCode, GstRate gstRate, LocalDate day, long weightGramsPerUnit) {

        static Offer of(Product product, GstRate rate, LocalDate day) {
            return new Offer(product.id(), product.sku(), product.name(), product.unit().code(), product.ordering(),
                    product.prices(), product.hsnCode(), rate, day, product.weightGrams());
        }

        /** What {@code quantity} base units weigh, for delivery. */
        public long weightGramsOf(long quantity) {
            return Math.multiplyExact(weightGramsPerUnit, quantity);
        }

        /** Prices {@code quantity} base units, refused as {@link ProductCatalog#quote} refuses. */
        public PriceQuote quote(long quantity) {
            ordering.require(quantity);
            if (gstRate == null) {
                throw GstRates.unknown(hsnCode, day);
            }
            Money lineTotal = prices.totalFor(quantity);
            Money gst = gstRate.taxOn(lineTotal);
            return new PriceQuote(productId, sku, quantity, unit, prices.unitPriceFor(quantity), lineTotal, hsnCode,
                    gstRate.percent(), gst, lineTotal.plus(gst), day);
        }
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
    public List<CategoryNode> categoryTree() {
        List<Category> all = categories.findAllByOrderByPositionAscNameAsc();
        Map<Long, List<Category>> byParent = all.stream().filter(c -> c.parentId() != null)
                .collect(Collectors.groupingBy(Category::parentId));
        return all.stream().filter(c -> c.parentId() == null).map(c -> CategoryNode.of(c, byParent)).toList();
    }

    /**
     * A page of {@link #search} as shoppers read it, the API and the storefront alike: served from
     * this replica's memo for a few seconds ({@link CatalogMemo}), searched afresh otherwise, in a
     * read-only transaction opened only then.
     */
    public SearchPage browse(SearchQuery query, int page, int size) {
        return memo.page(query, page, size, () -> readOnly.execute(status -> search(query, page, size)));
    }

    /**
     * Active products matching a keyword search and filters (docs/adr/0005), one page of them with
     * facet counts; without keywords, by name. Refuses an unknown category
     * ({@code catalog.category-not-found}).
     */
    @Transactional(readOnly = true)
    SearchPage search(SearchQuery query, int page, int size) {
        int limit = Math.min(size, MAX_PAGE_SIZE);
        List<Category> all = categories.findAll();
        Map<Long, Category> byId = all.stream().collect(Collectors.toMap(Category::id, Function.identity()));
        List<Long> categoryIds = null;
        if (query.category() != null && !query.category().isBlank()) {
            Category root = all.stream().filter(c -> c.slug().equals(query.category())).findFirst()
                    .orElseThrow(() -> BusinessRuleViolation.notFound("catalog.category-not-found",
                            "No category '" + query.category() + "'."));
            categoryIds = Category.subtreeOf(root.id(), all);
        }
        ProductSearch.Found found = search.find(new ProductSearch.Criteria(query.text(), categoryIds, query.brands(),
                query.minPaise(), query.maxPaise(), query.inStock(), query.order(), query.attributes()), all,
                (int) Math.min((long) page * limit, Integer.MAX_VALUE), limit);
        LocalDate today = IndianDay.today(clock);
        GstRateTable rates = gstRates.tableOn(today);
        List<ProductView> views = found.products().stream()
                .map(product -> ProductView.of(product, byId.get(product.categoryId()),
                        rates.rateFor(product.hsnCode(), today).orElse(null), properties.pricesIncludeGst(),
                        found.available().getOrDefault(product.sku(), 0L)))
                .toList();
        Map<Long, Long> categoryCounts = ProductSearch.rolledUp(found.categories(), all);
        List<FacetValue> categoryFacet = all.stream().filter(c -> categoryCounts.containsKey(c.id()))
                .sorted(Comparator.comparingInt(Category::position))
                .map(c -> new FacetValue(c.slug(), c.name(), categoryCounts.get(c.id()))).toList();
        List<FacetValue> brandFacet = found.brands().entrySet().stream()
                .map(e -> new FacetValue(e.getKey(), e.getKey(), e.getValue())).toList();
        List<FacetValue> priceFacet = found.prices().entrySet().stream()
                .map(e -> FacetValue.ofBand(e.getKey().lowerBoundValue().orElse(0L),
                        e.getKey().upperBoundValue().orElse(null), e.getValue()))
                .toList();
        List<FacetValue> stockFacet = found.inStock().entrySet().stream()
                .map(e -> new FacetValue(e.getKey(), e.getKey() ? "In stock" : "Out of stock", e.getValue()))
                .toList();
        Map<String, List<FacetValue>> attributeFacets = new LinkedHashMap<>();
        found.attributes().forEach((name, values) -> attributeFacets.put(name, values.entrySet().stream()
                .map(e -> new FacetValue(e.getKey(), e.getKey(), e.getValue())).toList()));
        return new SearchPage(new PageImpl<>(views, PageRequest.of(page, limit), found.total()),
                new Facets(categoryFacet, brandFacet, priceFacet, stockFacet, attributeFacets));
    }

    /**
     * A search as a shopper asks it; null fields do not filter. Prices in paise, inclusive;
     * {@code order} RELEVANCE without {@code text} lists by name; {@code attributes} from lowercase
     * name to the values wanted (any of them).
     */
    public record SearchQuery(String text, String category, List<String> brands, Long minPaise, Long maxPaise,
            Boolean inStock, ProductSearch.Order order, Map<String, List<String>> attributes) {

        /** The sorts a shopper may name, as the API and the storefront accept them. */
        public static final String SORTS = "(?i)\\s*(relevance|rating|price|price,asc|price,desc|newest|name|name,asc)\\s*";
        public static final String SORT_MESSAGE = "one of relevance, price,asc, price,desc, newest, name, rating";

        /**
         * A search with its sort named as a shopper names it ({@value #SORT_MESSAGE}; blank: by
         * relevance with keywords, else by name); another sort is refused ({@code request.invalid}).
         */
        public static SearchQuery of(String text, String category, List<String> brands, Long minPaise, Long maxPaise,
                Boolean inStock, String sort, Map<String, List<String>> attributes) {
            return new SearchQuery(text, category, brands, minPaise, maxPaise, inStock, orderOf(sort, text), attributes);
        }

        private static ProductSearch.Order orderOf(String sort, String text) {
            if (sort == null || sort.isBlank()) {
                return text == null ? ProductSearch.Order.NAME : ProductSearch.Order.RELEVANCE;
            }
            return switch (sort.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "relevance" -> ProductSearch.Order.RELEVANCE;
                case "rating" -> ProductSearch.Order.RATING;
                case "price", "price,asc" -> ProductSearch.Order.PRICE_ASC;
                case "price,desc" -> ProductSearch.Order.PRICE_DESC;
                case "newest" -> ProductSearch.Order.NEWEST;
                case "name", "name,asc" -> ProductSearch.Order.NAME;
                default -> throw BusinessRuleViolation.invalidField("request.invalid", "sort",
                        "sort is " + SORT_MESSAGE + ".");
            };
        }
    }

    /** One page of products and the facet counts of the whole result. */
    public record SearchPage(Page<ProductView> products, Facets facets) {
    }

    /**
     * Facet counts: each counts the matches with every other filter applied, not its own.
     * {@code attributes} holds, by attribute name (alphabetical), the values the matches have.
     */
    public record Facets(List<FacetValue> category, List<FacetValue> brand, List<FacetValue> priceBand,
            List<FacetValue> inStock, Map<String, List<FacetValue>> attributes) {
    }

    /** A value to filter by, what to show for it and how many products it would leave. */
    public record FacetValue(Object value, String label, long count) {
        /** A price band in rupees, such as {@code "0-100"} or, open-ended, {@code "5000-"}. */
        static FacetValue ofBand(long fromPaise, Long toPaise, long count) {
            String value = fromPaise / 100 + "-" + (toPaise == null ? "" : Long.toString(toPaise / 100));
            String label = toPaise == null ? "₹" + fromPaise / 100 + " and above"
                    : "₹" + fromPaise / 100 + " – ₹" + toPaise / 100;
            return new FacetValue(value, label, count);
        }
    }

    /**
     * An active product with its stock now. The rest of the view comes from this replica's memo
     * ({@link CatalogMemo}, seconds) or else the shared view cache ({@link ProductViews}); no
     * transaction here, so neither is asked inside one.
     */
    public ProductView product(long id) {
        ProductView view = memo.view(id, views::withoutStock);
        long available = inventory.availability(List.of(view.sku())).getOrDefault(view.sku(), 0L);
        return view.withStock(StockView.of(available, view.minimumOrderQuantity()));
    }

    private Product activeProduct(long id) {
        return products.findByIdAndActiveTrue(id)
                .orElseThrow(() -> BusinessRuleViolation.notFound("catalog.product-not-found",
                        "No product with id " + id + "."));
    }

    /** A category with its sub-categories, as the storefront's menu shows them. */
    public record CategoryNode(long id, String slug, String name, List<CategoryNode> children) implements Serializable {
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
     * the rate are null and prices show exclusive. {@code attributes} and {@code images} keep their
     * order; {@code image} is the first image (null without any), the one a listing shows.
     */
    public record ProductView(long id, String sku, String name, String brand, CategoryRef category, String description,
            SellingUnit unit, List<PackSize> packs, long minimumOrderQuantity, long orderStep,
            long maximumOrderQuantity, Money price, Money priceExcludingGst, Money priceIncludingGst,
            List<TierView> tierPrices, String hsnCode, BigDecimal gstRate, GstView gst, long weightGrams,
            List<ProductAttribute> attributes, List<ProductImage> images, ProductImage image,
            StockView stock, RatingView rating) implements Serializable {

        /** The same view with another stock (null: none, as cached). */
        ProductView withStock(StockView stock) {
            return new ProductView(id, sku, name, brand, category, description, unit, packs, minimumOrderQuantity,
                    orderStep, maximumOrderQuantity, price, priceExcludingGst, priceIncludingGst, tierPrices, hsnCode,
                    gstRate, gst, weightGrams, attributes, images, image, stock, rating);
        }

        static ProductView of(Product product, Category category, GstRate rate, boolean pricesIncludeGst,
                long available) {
            boolean inclusive = pricesIncludeGst && rate != null;
            OrderQuantityRule ordering = product.ordering();
            List<TierView> tiers = product.prices().tiers().stream()
                    .map(tier -> TierView.of(tier, rate, inclusive)).toList();
            TierView first = tiers.get(0);
            List<ProductImage> images = product.images();
            return new ProductView(product.id(), product.sku(), product.name(), product.brand(),
                    category == null ? null : new CategoryRef(category.id(), category.slug(), category.name()),
                    product.description(), product.unit(), product.packs(), ordering.minimum(), ordering.step(),
                    ordering.maximum(), first.unitPrice(), first.unitPriceExcludingGst(),
                    first.unitPriceIncludingGst(), tiers, product.hsnCode(), rate == null ? null : rate.percent(),
                    new GstView(product.hsnCode(), rate == null ? null : rate.percent(), inclusive),
                    product.weightGrams(), product.attributes(), images, images.isEmpty() ? null : images.get(0),
                    StockView.of(available, ordering.minimum()),
                    RatingView.of(product.ratingAverage(), product.ratingCount()));
        }
    }

    /**
     * The product's reviews in brief: {@code average} of their ratings with one decimal place, such
     * as {@code "4.3"} (null without reviews), and how many there are.
     */
    public record RatingView(String average, long count) implements Serializable {
        static RatingView of(BigDecimal average, long count) {
            return new RatingView(average == null ? null : average.toPlainString(), count);
        }
    }

    /**
     * Whether the product can be ordered now: {@code IN_STOCK} when at least the minimum order is
     * available, otherwise {@code OUT_OF_STOCK}; {@code available} in base units.
     */
    public record StockView(String status, long available) implements Serializable {
        static StockView of(long available, long minimumOrder) {
            return new StockView(inStock(available, minimumOrder) ? "IN_STOCK" : "OUT_OF_STOCK",
                    Math.max(available, 0));
        }

        static boolean inStock(long available, long minimumOrder) {
            return available >= minimumOrder && available > 0;
        }
    }

    /** A price tier as the API shows it: {@code maxQuantity} null for the open-ended last tier. */
    public record TierView(long minQuantity, Long maxQuantity, Money unitPrice, Money unitPriceExcludingGst,
            Money unitPriceIncludingGst) implements Serializable {
        static TierView of(TierPrices.Tier tier, GstRate rate, boolean inclusive) {
            Money including = rate == null ? null : rate.addTo(tier.unitPrice());
            return new TierView(tier.minQuantity(), tier.maxQuantity(), inclusive ? including : tier.unitPrice(),
                    tier.unitPrice(), including);
        }
    }

    /** The GST applied to the shown prices: today's rate for the HSN code, and the display mode. */
    public record GstView(String hsnCode, BigDecimal rate, boolean priceIncludesGst) implements Serializable {
    }

    public record CategoryRef(long id, String slug, String name) implements Serializable {
    }
}
