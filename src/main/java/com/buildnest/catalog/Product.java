package com.buildnest.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ScaledNumberField;

import com.buildnest.shared.Money;

/**
 * Something the shop sells, counted in its base unit (a bag of cement, a kilogram of TMT bars, a
 * box of tiles), in the packs it also comes in, with the quantities that may be ordered, tier prices
 * in paise (tax-exclusive), the HSN code that decides its GST rate, and its weight for shipping.
 * {@code price_paise} repeats the first tier's price so listings can sort by it. Its attributes
 * (grade, finish, size…) and images are ordered lists of their own.
 * The search index (docs/adr/0005, {@link ProductSearch}) holds the fields marked for it and
 * follows every change to a product when its transaction commits. Updates write only the columns
 * that changed, so a staff edit and the stock follower's {@code in_stock} never overwrite each other.
 */
@Entity
@DynamicUpdate
@Table(name = "catalog_product")
@Indexed(index = "product")
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @GenericField(name = "id_sort", sortable = Sortable.YES)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    @KeywordField(normalizer = "sort", projectable = Projectable.YES)
    private String sku;

    @Column(nullable = false, length = 200)
    @FullTextField(analyzer = "english")
    @FullTextField(name = "name_prefix", analyzer = "prefix", searchAnalyzer = "prefix_query")
    @KeywordField(name = "name_sort", normalizer = "sort", sortable = Sortable.YES)
    private String name;

    @Column(nullable = false, length = 80)
    @FullTextField(analyzer = "english")
    @FullTextField(name = "brand_prefix", analyzer = "prefix", searchAnalyzer = "prefix_query")
    @KeywordField(name = "brand_facet", aggregable = Aggregable.YES)
    @KeywordField(name = "brand_key", normalizer = "sort")
    private String brand;

    @Column(name = "category_id", nullable = false)
    @GenericField(aggregable = Aggregable.YES)
    private Long categoryId;

    @Column(length = 2000)
    @FullTextField(analyzer = "english")
    private String description;

    @Column(nullable = false, length = 20)
    @FullTextField(analyzer = "english")
    private String unit;

    @Column(name = "price_paise", nullable = false)
    @GenericField(sortable = Sortable.YES, aggregable = Aggregable.YES)
    private long pricePaise;

    @Column(name = "hsn_code", nullable = false, length = 8)
    private String hsnCode;

    @Column(name = "weight_grams", nullable = false)
    private long weightGrams;

    @Column(name = "min_order_quantity", nullable = false)
    @GenericField(projectable = Projectable.YES)
    private long minOrderQuantity;

    @Column(name = "order_step", nullable = false)
    private long orderStep;

    @Column(name = "max_order_quantity", nullable = false)
    private long maxOrderQuantity;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "catalog_tier_price", joinColumns = @JoinColumn(name = "product_id"))
    @OrderBy("minQuantity")
    @BatchSize(size = 100)
    private List<TierPriceRow> tierPrices = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "catalog_pack_size", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<PackSizeRow> packs = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "catalog_product_attribute", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<AttributeRow> attributes = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "catalog_product_image", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<ImageRow> images = new ArrayList<>();

    @Column(nullable = false)
    @GenericField
    private boolean active;

    /**
     * Whether the minimum order is available now, as inventory last said (ProductStockFollower).
     * Excluded from optimistic locking: stock moving must not make staff's edit of the product stale.
     */
    @Column(name = "in_stock", nullable = false)
    @GenericField(aggregable = Aggregable.YES)
    @OptimisticLock(excluded = true)
    private boolean inStock;

    @Column(name = "created_at", nullable = false)
    @GenericField(sortable = Sortable.YES)
    private Instant createdAt;

    /**
     * The average of the visible reviews' ratings to one decimal place (null without any) and how
     * many there are, as the review module last reported. Only {@link ProductRatings} writes them,
     * by an update of these two columns alone: never written with the rest of the product, so a
     * staff edit read before a review cannot put back the rating it read, and a review never makes
     * staff's edit stale.
     */
    @Column(name = "rating_average", precision = 2, scale = 1, insertable = false, updatable = false)
    @ScaledNumberField(decimalScale = 1, sortable = Sortable.YES)
    private BigDecimal ratingAverage;

    @Column(name = "rating_count", nullable = false, insertable = false, updatable = false)
    @GenericField(sortable = Sortable.YES)
    private long ratingCount;

    @Version
    private long version;

    protected Product() {
    }

    Product(String sku, String name, String brand, Long categoryId, String description, SellingUnit unit,
            List<PackSize> packs, OrderQuantityRule ordering, TierPrices prices, String hsnCode, long weightGrams,
            Instant createdAt) {
        this.sku = sku;
        describe(name, brand, categoryId, description, unit, packs, ordering, prices, hsnCode, weightGrams);
        this.active = true;
        this.createdAt = createdAt;
    }

    /**
     * Replaces everything but the SKU, under the same rules as a new product. Collections are
     * replaced only when they differ, so an update that changes nothing leaves the version alone.
     */
    void update(String name, String brand, Long categoryId, String description, SellingUnit unit,
            List<PackSize> packs, OrderQuantityRule ordering, TierPrices prices, String hsnCode, long weightGrams) {
        describe(name, brand, categoryId, description, unit, packs, ordering, prices, hsnCode, weightGrams);
    }

    /**
     * Replaces the product's attributes (at most {@value ProductAttribute#MAX_PER_PRODUCT}, no name
     * twice) and images (at most {@value ProductImage#MAX_PER_PRODUCT}, no address twice), each list
     * only when it differs, so that setting them as they are leaves the version alone.
     */
    void detail(List<ProductAttribute> attributes, List<ProductImage> images) {
        List<ProductAttribute> checkedAttributes = ProductAttribute.ofProduct(attributes);
        List<ProductImage> checkedImages = ProductImage.ofProduct(images);
        if (!checkedAttributes.equals(attributes())) {
            this.attributes = new ArrayList<>(checkedAttributes.stream().map(AttributeRow::new).toList());
        }
        if (!checkedImages.equals(images())) {
            this.images = new ArrayList<>(checkedImages.stream().map(ImageRow::new).toList());
        }
    }

    /** Off sale: gone from the shop, kept for the orders that name it. */
    void deactivate() {
        this.active = false;
    }

    void activate() {
        this.active = true;
    }

    long version() {
        return version;
    }

    private void describe(String name, String brand, Long categoryId, String description, SellingUnit unit,
            List<PackSize> packs, OrderQuantityRule ordering, TierPrices prices, String hsnCode, long weightGrams) {
        if (ordering.minimum() != prices.tiers().get(0).minQuantity()) {
            throw new IllegalArgumentException(sku() + ": the first price tier starts at the minimum order quantity "
                    + ordering.minimum());
        }
        if (hsnCode == null || !hsnCode.matches("[0-9]{4}|[0-9]{6}|[0-9]{8}")) {
            throw new IllegalArgumentException(sku() + ": an HSN code has 4, 6 or 8 digits: " + hsnCode);
        }
        if (weightGrams < 0) {
            throw new IllegalArgumentException(sku() + ": a weight cannot be negative: " + weightGrams);
        }
        this.name = name;
        this.brand = brand;
        this.categoryId = categoryId;
        this.description = description;
        this.unit = unit.code();
        if (!packs.equals(packs())) {
            this.packs = new ArrayList<>(packs.stream().map(PackSizeRow::new).toList());
        }
        if (!prices.breaks().equals(tierPrices.stream().map(TierPriceRow::toBreak).toList())) {
            this.tierPrices = new ArrayList<>(prices.breaks().stream().map(TierPriceRow::new).toList());
        }
        this.minOrderQuantity = ordering.minimum();
        this.orderStep = ordering.step();
        this.maxOrderQuantity = ordering.maximum();
        this.pricePaise = prices.startingPrice().paise();
        this.hsnCode = hsnCode;
        this.weightGrams = weightGrams;
    }

    Long id() {
        return id;
    }

    String sku() {
        return sku;
    }

    String name() {
        return name;
    }

    String brand() {
        return brand;
    }

    Long categoryId() {
        return categoryId;
    }

    String description() {
        return description;
    }

    SellingUnit unit() {
        return SellingUnit.ofCode(unit);
    }

    List<PackSize> packs() {
        return packs.stream().map(PackSizeRow::toPackSize).toList();
    }

    OrderQuantityRule ordering() {
        return new OrderQuantityRule(minOrderQuantity, orderStep, maxOrderQuantity);
    }

    /** The price of the first tier, kept in a column of its own for sorting and lists. */
    Money startingPrice() {
        return Money.ofPaise(pricePaise);
    }

    TierPrices prices() {
        return TierPrices.of(minOrderQuantity, tierPrices.stream().map(TierPriceRow::toBreak).toList());
    }

    long weightGrams() {
        return weightGrams;
    }

    String hsnCode() {
        return hsnCode;
    }

    /**
     * Follows inventory: in stock when the available units cover the minimum order. Changes the
     * product (and so its search document) only when that answer changes.
     */
    void followStock(long available) {
        boolean now = ProductCatalog.StockView.inStock(available, minOrderQuantity);
        if (now != inStock) {
            inStock = now;
        }
    }

    boolean inStock() {
        return inStock;
    }

    BigDecimal ratingAverage() {
        return ratingAverage;
    }

    long ratingCount() {
        return ratingCount;
    }

    boolean active() {
        return active;
    }

    List<ProductAttribute> attributes() {
        return attributes.stream().map(AttributeRow::toAttribute).toList();
    }

    List<ProductImage> images() {
        return images.stream().map(ImageRow::toImage).toList();
    }

    /**
     * The attributes as words for keyword search, each name and value together ("grade OPC 53"),
     * so that "53 grade" or "matt" finds the products described so.
     */
    @FullTextField(name = "attribute_text", analyzer = "english")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "attributes")))
    List<String> getAttributeText() {
        return attributes.stream().map(row -> row.name.replace('-', ' ') + " " + row.value).toList();
    }

    /**
     * The attributes as {@code name=value} terms: as stored for facet counts, and normalised
     * (lower-cased, accents folded) for filters that ignore case.
     */
    @KeywordField(name = "attribute_facet", aggregable = Aggregable.YES)
    @KeywordField(name = "attribute_key", normalizer = "sort")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "attributes")))
    List<String> getAttributeTerms() {
        return attributes.stream().map(row -> term(row.name, row.value)).toList();
    }

    /** The index term of an attribute, {@code name=value}: names hold no {@code =}, so it splits at the first. */
    static String term(String name, String value) {
        return name + "=" + value;
    }

    /** A stored price break. */
    @Embeddable
    static class TierPriceRow {
        @Column(name = "min_quantity", nullable = false)
        private long minQuantity;

        @Column(name = "unit_price_paise", nullable = false)
        private long unitPricePaise;

        protected TierPriceRow() {
        }

        TierPriceRow(TierPrices.Break priceBreak) {
            this.minQuantity = priceBreak.minQuantity();
            this.unitPricePaise = priceBreak.unitPrice().paise();
        }

        TierPrices.Break toBreak() {
            return new TierPrices.Break(minQuantity, Money.ofPaise(unitPricePaise));
        }
    }

    /** A stored attribute. */
    @Embeddable
    static class AttributeRow {
        @Column(nullable = false, length = 60)
        private String name;

        @Column(name = "attribute_value", nullable = false, length = ProductAttribute.MAX_VALUE_LENGTH)
        private String value;

        protected AttributeRow() {
        }

        AttributeRow(ProductAttribute attribute) {
            this.name = attribute.name();
            this.value = attribute.value();
        }

        ProductAttribute toAttribute() {
            return new ProductAttribute(name, value);
        }
    }

    /** A stored image. */
    @Embeddable
    static class ImageRow {
        @Column(nullable = false, length = ProductImage.MAX_URL_LENGTH)
        private String url;

        @Column(name = "alt_text", nullable = false, length = ProductImage.MAX_ALT_LENGTH)
        private String alt;

        protected ImageRow() {
        }

        ImageRow(ProductImage image) {
            this.url = image.url();
            this.alt = image.alt();
        }

        ProductImage toImage() {
            return new ProductImage(url, alt);
        }
    }

    /** A stored pack size. */
    @Embeddable
    static class PackSizeRow {
        @Column(nullable = false, length = 80)
        private String name;

        @Column(name = "base_units", nullable = false)
        private long baseUnits;

        protected PackSizeRow() {
        }

        PackSizeRow(PackSize pack) {
            this.name = pack.name();
            this.baseUnits = pack.baseUnits();
        }

        PackSize toPackSize() {
            return new PackSize(name, baseUnits);
        }
    }
}
