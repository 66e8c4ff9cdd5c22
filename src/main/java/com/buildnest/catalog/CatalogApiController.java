package com.buildnest.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.web.PagedModel;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.catalog.ProductCatalog.CategoryNode;
import com.buildnest.catalog.ProductCatalog.Facets;
import com.buildnest.catalog.ProductCatalog.ProductView;
import com.buildnest.catalog.ProductCatalog.SearchPage;
import com.buildnest.catalog.ProductCatalog.SearchQuery;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/** The public, read-only catalogue API. */
@RestController
@RequestMapping("/api")
@Validated
class CatalogApiController {

    /** ₹1 crore: no single unit of a building material costs more; larger prices are typing mistakes. */
    static final long MAX_PRICE_PAISE = 1_000_000_000L;

    private static final String SORTS = SearchQuery.SORTS;
    private static final String RUPEES = "\\d{1,8}(\\.\\d{1,2})?";

    private final ProductCatalog catalog;
    private final Validator validator;

    CatalogApiController(ProductCatalog catalog, Validator validator) {
        this.catalog = catalog;
        this.validator = validator;
    }

    @GetMapping("/categories")
    List<CategoryNode> categories() {
        return catalog.categoryTree();
    }

    /**
     * Products, by name unless searched; {@code sort=rating} puts the best rated first (see
     * docs/reviews-and-wishlist.md). Attribute filters are read from the raw parameter values: bound
     * to a list, a single value would be cut at its commas ("capacity:1,000 litres").
     */
    @GetMapping({ "/products", "/products/search" })
    @Parameter(name = ATTRIBUTE, in = ParameterIn.QUERY, description = ATTRIBUTE_DESCRIPTION,
            array = @ArraySchema(schema = @Schema(type = "string", example = "grade:OPC 53"),
                    maxItems = MAX_ATTRIBUTE_FILTERS))
    ProductPage products(HttpServletRequest request, @RequestParam(required = false) String q,
            @RequestParam(required = false) String query,
            @RequestParam(required = false) String category, @RequestParam(required = false) List<String> brand,
            @RequestParam(required = false) @Pattern(regexp = RUPEES, message = PRICE_MESSAGE)
            @DecimalMax(value = "10000000", message = PRICE_MESSAGE) String minPrice,
            @RequestParam(required = false) @Pattern(regexp = RUPEES, message = PRICE_MESSAGE)
            @DecimalMax(value = "10000000", message = PRICE_MESSAGE) String maxPrice,
            @RequestParam(required = false) Boolean inStock,
            @RequestParam(required = false) @Pattern(regexp = SORTS, message = SORT_MESSAGE) String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) int size) {
        String text = q != null && !q.isBlank() ? q : query != null && !query.isBlank() ? query : null;
        Long min = paise("minPrice", minPrice);
        Long max = paise("maxPrice", maxPrice);
        requireValid(new PriceRange(min, max));
        AttributeFilters attributes = new AttributeFilters(request.getParameterValues(ATTRIBUTE));
        requireValid(attributes);
        SearchQuery wanted = SearchQuery.of(text, category, brand, min, max, inStock, sort, attributes.byName());
        return new ProductPage(catalog.browse(wanted, page, size));
    }

    @GetMapping("/products/{id}")
    ProductView product(@PathVariable long id) {
        return catalog.product(id);
    }

    static final String PRICE_MESSAGE = "an amount of rupees between 0 and 10000000, such as 350.00";
    static final String SORT_MESSAGE = SearchQuery.SORT_MESSAGE;

    /** A price filter's bounds in paise, checked together (a 400 like the parameters' own checks). */
    record PriceRange(Long min, Long max) {
        @AssertTrue(message = "minPrice must not be above maxPrice.")
        public boolean isMinPrice() {
            return min == null || max == null || min <= max;
        }
    }

    static final String ATTRIBUTE = "attribute";
    static final int MAX_ATTRIBUTE_FILTERS = 20;
    static final String ATTRIBUTE_DESCRIPTION = "Attribute filter `name:value` (the name in any case, the value as the"
            + " `facets.attributes` list it, case ignored), such as `grade:OPC 53`; repeat the parameter for more"
            + " (at most 20). Values of one name are alternatives (`finish:Matt&attribute=finish:Glossy`), different"
            + " names must all hold (`grade:OPC 53&attribute=size:50 kg`).";

    /** The {@code attribute} parameters, checked together (a 400 naming {@code attribute}). */
    record AttributeFilters(String[] filters) {
        private static final java.util.regex.Pattern FILTER = java.util.regex.Pattern.compile(
                "(" + ProductAttribute.NAME + "):(" + ProductAttribute.VALUE + ")");

        @AssertTrue(message = "each is name:value, such as grade:OPC 53, at most " + MAX_ATTRIBUTE_FILTERS + " of them")
        public boolean isAttribute() {
            return filters == null || (filters.length <= MAX_ATTRIBUTE_FILTERS
                    && Arrays.stream(filters).allMatch(filter -> FILTER.matcher(filter).matches()));
        }

        /** The values wanted by (lowercase) name, for filters that are valid. */
        Map<String, List<String>> byName() {
            Map<String, List<String>> byName = new LinkedHashMap<>();
            for (String filter : filters == null ? new String[0] : filters) {
                Matcher parts = FILTER.matcher(filter);
                if (parts.matches()) {
                    ProductAttribute wanted = new ProductAttribute(parts.group(1), parts.group(2));
                    byName.computeIfAbsent(wanted.name(), name -> new ArrayList<>()).add(wanted.value());
                }
            }
            return byName;
        }
    }

    private <T> void requireValid(T parameters) {
        Set<ConstraintViolation<T>> violations = validator.validate(parameters);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** The contract's page envelope plus the facet counts. */
    static class ProductPage extends PagedModel<ProductView> {
        private final Facets facets;

        ProductPage(SearchPage found) {
            super(found.products());
            this.facets = found.facets();
        }

        public Facets getFacets() {
            return facets;
        }
    }

    private static Long paise(String field, String rupees) {
        if (rupees == null || rupees.isBlank()) {
            return null;
        }
        long paise;
        try {
            paise = Money.ofRupees(rupees).paise();
        } catch (RuntimeException notAnAmount) {
            throw BusinessRuleViolation.invalidField("request.invalid", field,
                    field + " is an amount of rupees such as 350.00.");
        }
        if (paise < 0 || paise > MAX_PRICE_PAISE) {
            throw BusinessRuleViolation.invalidField("request.invalid", field,
                    field + " is between 0 and 10000000 rupees.");
        }
        return paise;
    }
}
