package com.buildnest.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.buildnest.inventory.Inventory;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/**
 * A product as staff write it, in the JSON API and in a CSV row alike. The annotations check its
 * shape (400 in the API, a row error in an import); {@link #toSpecification} then applies the rules
 * of the catalogue's value objects (tiers rise and never cost more, the maximum is a step above the
 * minimum…). Attributes and images are checked in shape here too, repeats included ({@link NoneTwice}).
 * Prices are rupee strings ({@code "405.50"}), never floating-point numbers.
 * {@code version} is the one read before a change and is required when updating.
 */
public record ProductForm(
        @NotBlank @Pattern(regexp = SKU, message = "must be 2 to 40 capital letters, digits, dots or dashes, starting with a letter or digit") String sku,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 80) String brand,
        @NotNull Long categoryId,
        @Size(max = 2000) String description,
        @NotNull @Pattern(regexp = UNITS, message = "must be one of: " + UNITS) String unit,
        @NotNull @Pattern(regexp = "[0-9]{4}|[0-9]{6}|[0-9]{8}", message = "must be an HSN code of 4, 6 or 8 digits") String hsnCode,
        @NotNull @Min(0) @Max(MAX_WEIGHT_GRAMS) Long weightGrams,
        @NotNull @Min(1) @Max(Inventory.MAX_QUANTITY) Long minimumOrderQuantity,
        @NotNull @Min(1) @Max(Inventory.MAX_QUANTITY) Long orderStep,
        @NotNull @Min(1) @Max(Inventory.MAX_QUANTITY) Long maximumOrderQuantity,
        @NotEmpty @Size(max = MAX_TIERS) List<@NotNull @Valid Tier> prices,
        @Size(max = MAX_PACKS) List<@NotNull @Valid Pack> packs,
        @Size(max = ProductAttribute.MAX_PER_PRODUCT) @NoneTwice List<@NotNull @Valid Attribute> attributes,
        @Size(max = ProductImage.MAX_PER_PRODUCT) @NoneTwice List<@NotNull @Valid Image> images,
        Boolean active,
        @NotNull(groups = Update.class) Long version) {

    static final String SKU = "[A-Z0-9][A-Z0-9.-]{1,39}";
    /** Every {@link SellingUnit} code (a test keeps the two in step). */
    static final String UNITS = "kg|tonne|piece|bag|box|sq ft|sq m|litre|metre|length|coil|bucket|sheet|pair";
    /** A rupee amount from 0 to ₹99,99,999.99 with at most two decimals: no price of one base unit is more. */
    static final String RUPEES = "[0-9]{1,7}(\\.[0-9]{1,2})?";
    /** Fifty tonnes: no base unit weighs more (a tonne of steel is 1,000,000 g). */
    static final long MAX_WEIGHT_GRAMS = 50_000_000L;
    static final int MAX_TIERS = 10;
    static final int MAX_PACKS = 10;

    /** Validation group of an update, which must name the version it read. */
    public interface Update {
    }

    /** A price break: from {@code minQuantity} base units the unit price is {@code unitPrice} rupees, tax-exclusive. */
    public record Tier(@NotNull @Min(1) @Max(Inventory.MAX_QUANTITY) Long minQuantity,
            @NotNull @Pattern(regexp = RUPEES, message = "must be rupees from 0 to 9999999.99 with at most two decimals") String unitPrice) {
    }

    /** A pack the product also comes in; names cannot hold {@code |} or {@code =}, which the CSV uses. */
    public record Pack(@NotBlank @Size(max = 80) @Pattern(regexp = "[^|=]+", message = "cannot contain | or =") String name,
            @NotNull @Min(1) @Max(Inventory.MAX_QUANTITY) Long baseUnits) {
    }

    /**
     * A fact about the product ({@link ProductAttribute}): the name is normalised to lowercase
     * ({@code "Grade"} is {@code grade}), the value trimmed.
     */
    public record Attribute(
            @NotNull @Pattern(regexp = ProductAttribute.NAME, message = "must be a letter followed by up to 59 letters, digits or dashes") String name,
            @NotNull @Pattern(regexp = ProductAttribute.VALUE, message = "must be 1 to 120 characters without | or control characters") String value) {
    }

    /** A picture of the product ({@link ProductImage}) and the text that describes it to those who cannot see it. */
    public record Image(
            @NotBlank @Size(max = ProductImage.MAX_URL_LENGTH) @Pattern(regexp = ProductImage.URL, message = "must be an https:// address or a path under /images/") String url,
            @NotBlank @Size(max = ProductImage.MAX_ALT_LENGTH) String alt) {
    }

    /** The form's values as the catalogue's value objects, for a form whose shape is valid. */
    record Specification(SellingUnit unit, List<PackSize> packs, OrderQuantityRule ordering, TierPrices prices,
            List<ProductAttribute> attributes, List<ProductImage> images) {
    }

    /**
     * Applies the rules of the value objects to a well-shaped form; refuses the first broken one with
     * {@code catalog.invalid-product}, naming the field.
     */
    Specification toSpecification() {
        OrderQuantityRule ordering = ruled("maximumOrderQuantity",
                () -> new OrderQuantityRule(minimumOrderQuantity, orderStep, maximumOrderQuantity));
        TierPrices tiers = ruled("prices", () -> TierPrices.of(ordering.minimum(), prices.stream()
                .map(tier -> new TierPrices.Break(tier.minQuantity(), Money.ofRupees(tier.unitPrice()))).toList()));
        List<PackSize> packSizes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Pack pack : packs == null ? List.<Pack>of() : packs) {
            if (!names.add(pack.name().trim())) {
                throw invalid("packs", "two packs are named '" + pack.name().trim() + "'");
            }
            packSizes.add(new PackSize(pack.name().trim(), pack.baseUnits()));
        }
        List<ProductAttribute> facts = ruled("attributes", () -> ProductAttribute.ofProduct(attributes == null
                ? List.of() : attributes.stream().map(a -> new ProductAttribute(a.name(), a.value())).toList()));
        List<ProductImage> pictures = ruled("images", () -> ProductImage.ofProduct(images == null
                ? List.of() : images.stream().map(i -> new ProductImage(i.url(), i.alt())).toList()));
        return new Specification(SellingUnit.ofCode(unit), List.copyOf(packSizes), ordering, tiers, facts, pictures);
    }

    /** What {@code rule} builds, or its refusal as {@code catalog.invalid-product} on {@code field}. */
    private static <T> T ruled(String field, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    private static BusinessRuleViolation invalid(String field, String message) {
        return BusinessRuleViolation.invalidField("catalog.invalid-product", field, field + ": " + message);
    }
}
