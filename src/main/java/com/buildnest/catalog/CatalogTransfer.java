package com.buildnest.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.inventory.Inventory;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;

/**
 * The whole catalogue of products in and out as CSV ({@link CatalogCsv}). An import is all or
 * nothing by default: every line is checked with the rules of {@link CatalogAdministration} first,
 * and if any line fails the import is refused with a report of every failing line and nothing is
 * written. Otherwise new SKUs are created (and tracked in inventory) and existing ones updated; a
 * line that changes nothing leaves its product, and its version, as they were. Asked to
 * {@link ImportMode#SKIP_REFUSED_LINES skip refused lines} (the back office offers it), the good
 * lines are written in one transaction and the bad ones reported beside them.
 */
@Service
public class CatalogTransfer {

    private final AdminProductRepository products;
    private final CategoryRepository categories;
    private final GstRates gstRates;
    private final Inventory inventory;
    private final CatalogCache cache;
    private final Validator validator;
    private final CategoryThresholds thresholds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogTransfer(AdminProductRepository products, CategoryRepository categories, GstRates gstRates,
            Inventory inventory, CatalogCache cache, Validator validator, CategoryThresholds thresholds,
            ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.gstRates = gstRates;
        this.inventory = inventory;
        this.cache = cache;
        this.validator = validator;
        this.thresholds = thresholds;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What an import did: products created, updated, lines that changed nothing and lines refused
     * (only when skipping them), and what became of each line, in file order.
     */
    public record ImportResult(int created, int updated, int unchanged, int refused, List<RowOutcome> rows) {
    }

    /** Whether one bad line refuses the whole file (the API's rule) or is only reported. */
    public enum ImportMode {
        ALL_OR_NOTHING, SKIP_REFUSED_LINES
    }

    /** What became of a line of the file. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REFUSED
    }

    /** A line of the file (the header is line 1), its SKU, what became of it and, if refused, why. */
    public record RowOutcome(long line, String sku, Outcome outcome, List<String> errors) {
    }

    /** A line of the file that cannot be imported, and why. */
    public record RowReport(long line, String sku, List<String> errors) {
    }

    /** The import was refused as a whole ({@code catalog.import-refused}); {@link #rows()} says where and why. */
    public static class ImportRefused extends BusinessRuleViolation {
        private final transient List<RowReport> rows;

        ImportRefused(List<RowReport> rows) {
            super(Kind.INVALID, "catalog.import-refused", rows.size() + " line(s) of the file cannot be imported;"
                    + " nothing was imported. Correct them and import the file again.");
            this.rows = List.copyOf(rows);
        }

        public List<RowReport> rows() {
            return rows;
        }
    }

    /** Every product, on sale or not, ordered by SKU, as CSV with a header line. */
    @Transactional(readOnly = true)
    public String export() {
        Map<Long, String> slugs = categories.findAll().stream()
                .collect(Collectors.toMap(Category::id, Category::slug));
        return CatalogCsv.write(products.findAllByOrderBySkuAsc().stream()
                .map(product -> CatalogCsv.AdminProductLine.of(product, slugs.get(product.categoryId()))).toList());
    }

    /**
     * Imports a CSV file: refused with {@code catalog.csv-malformed} if it cannot be read as the
     * catalogue's CSV, with {@link ImportRefused} if any line is invalid; otherwise all lines in one
     * transaction.
     */
    @Transactional
    public ImportResult importProducts(byte[] file, long actorId) {
        return importProducts(file, actorId, ImportMode.ALL_OR_NOTHING);
    }

    /**
     * Imports a CSV file as {@link #importProducts(byte[], long)} does; with
     * {@link ImportMode#SKIP_REFUSED_LINES} the lines that pass are written even if others are refused,
     * and the refused ones are reported in the result instead of refusing the file.
     */
    @Transactional
    public ImportResult importProducts(byte[] file, long actorId, ImportMode mode) {
        List<CatalogCsv.Row> rows = CatalogCsv.read(file);
        Map<String, Long> categoryIds = categories.findAll().stream()
                .collect(Collectors.toMap(Category::slug, Category::id));
        LocalDate today = IndianDay.today(clock);
        GstRateTable rates = gstRates.tableOn(today);
        Map<String, Product> existing = products.findBySkuIn(rows.stream().filter(CatalogCsv.Row::complete)
                .map(row -> row.get("sku").trim()).distinct().toList())
                .stream().collect(Collectors.toMap(Product::sku, Function.identity()));
        Map<String, Long> firstLineOfSku = new HashMap<>();
        List<RowReport> refused = new ArrayList<>();
        List<Checked> accepted = new ArrayList<>();
        for (CatalogCsv.Row row : rows) {
            List<String> errors = new ArrayList<>();
            ProductForm form = row.complete() ? form(row, categoryIds, existing, errors) : null;
            if (!row.complete()) {
                errors.add("has " + row.fieldCount() + " fields; the header has " + CatalogCsv.COLUMNS.size());
            }
            ProductForm.Specification spec = form == null || !errors.isEmpty() ? null
                    : check(form, rates, today, errors);
            String sku = row.complete() ? row.get("sku") : null;
            if (sku != null && !sku.isBlank()) {
                Long earlier = firstLineOfSku.putIfAbsent(sku, row.line());
                if (earlier != null) {
                    errors.add("sku: " + sku + " is also on line " + earlier);
                }
            }
            if (errors.isEmpty()) {
                accepted.add(new Checked(row.line(), form, spec));
            } else {
                refused.add(new RowReport(row.line(), sku, errors));
            }
        }
        if (!refused.isEmpty() && mode == ImportMode.ALL_OR_NOTHING) {
            throw new ImportRefused(refused);
        }
        ImportResult result;
        try {
            result = write(accepted, existing, refused);
        } catch (DataIntegrityViolationException raced) {
            throw BusinessRuleViolation.conflict("catalog.sku-taken",
                    "A product of the file was created by someone else meanwhile; nothing was imported. Import again.");
        }
        cache.evictProducts();
        events.publishEvent(new CatalogEvents.ProductsImported(result.created(), result.updated(), result.unchanged(),
                actorId, clock.instant()));
        return result;
    }

    private record Checked(long line, ProductForm form, ProductForm.Specification spec) {
    }

    private ImportResult write(List<Checked> lines, Map<String, Product> existing, List<RowReport> refused) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<RowOutcome> outcomes = new ArrayList<>();
        refused.forEach(row -> outcomes.add(new RowOutcome(row.line(), row.sku(), Outcome.REFUSED, row.errors())));
        Map<Long, List<String>> placed = new HashMap<>(); // new or moved products by category, to follow its threshold
        Map<String, Long> available = inventory.availability(List.copyOf(existing.keySet())); // a new MOQ may change "in stock"
        for (Checked line : lines) {
            ProductForm form = line.form();
            Product product = existing.get(form.sku());
            if (product == null) {
                products.save(CatalogAdministration.newProduct(form, line.spec(), clock.instant()));
                inventory.track(form.sku(), null);
                placed.computeIfAbsent(form.categoryId(), id -> new ArrayList<>()).add(form.sku());
                outcomes.add(new RowOutcome(line.line(), form.sku(), Outcome.CREATED, List.of()));
                created++;
            } else {
                long version = product.version();
                if (!product.categoryId().equals(form.categoryId())) {
                    placed.computeIfAbsent(form.categoryId(), id -> new ArrayList<>()).add(form.sku());
                }
                CatalogAdministration.apply(product, form, line.spec());
                product.followStock(available.getOrDefault(product.sku(), 0L));
                boolean changed = products.saveAndFlush(product).version() != version;
                outcomes.add(new RowOutcome(line.line(), form.sku(), changed ? Outcome.UPDATED : Outcome.UNCHANGED,
                        List.of()));
                if (changed) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
        thresholds.follow(placed);
        outcomes.sort(Comparator.comparingLong(RowOutcome::line));
        return new ImportResult(created, updated, unchanged, refused.size(), List.copyOf(outcomes));
    }

    /**
     * The line as a form; unreadable numbers and unknown categories are added to {@code errors}. An
     * image keeps the alternative text its product already has for that address; a new one is
     * described by the product's name.
     */
    private static ProductForm form(CatalogCsv.Row row, Map<String, Long> categoryIds, Map<String, Product> existing,
            List<String> errors) {
        String slug = row.get("category").trim();
        Long categoryId = categoryIds.get(slug);
        if (categoryId == null) {
            errors.add("category: no category '" + slug + "'");
        }
        String active = row.get("active").trim().toLowerCase();
        if (!List.of("", "true", "false").contains(active)) {
            errors.add("active: must be true, false or empty");
        }
        return new ProductForm(row.get("sku").trim(), row.get("name"), row.get("brand"), categoryId,
                row.get("description"), row.get("unit").trim(), row.get("hsnCode").trim(),
                number(row, "weightGrams", errors), number(row, "minimumOrderQuantity", errors),
                number(row, "orderStep", errors), number(row, "maximumOrderQuantity", errors),
                tiers(row.get("prices"), errors), packs(row.get("packs"), errors),
                attributes(row.get("attributes"), errors),
                images(row.get("images"), row.get("name"), existing.get(row.get("sku").trim())),
                active.isEmpty() ? null : Boolean.valueOf(active), null);
    }

    /** Shape, then catalogue rules, then the category and today's GST rate; every failure into {@code errors}. */
    private ProductForm.Specification check(ProductForm form, GstRateTable rates, LocalDate today,
            List<String> errors) {
        validator.validate(form).stream()
                .sorted(Comparator.comparing((ConstraintViolation<ProductForm> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(v.getPropertyPath() + ": " + v.getMessage()));
        if (!errors.isEmpty()) {
            return null;
        }
        ProductForm.Specification spec;
        try {
            spec = form.toSpecification();
        } catch (BusinessRuleViolation broken) {
            errors.add(broken.getMessage());
            return null;
        }
        if (rates.rateFor(form.hsnCode(), today).isEmpty()) {
            errors.add("hsnCode: no GST rate is on record for HSN " + form.hsnCode() + " on " + today);
        }
        return spec;
    }

    private static Long number(CatalogCsv.Row row, String column, List<String> errors) {
        String text = row.get(column).trim();
        if (text.isEmpty()) {
            return null; // "must not be null" follows from validation
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            errors.add(column + ": '" + text + "' is not a whole number");
            return 0L;
        }
    }

    private static List<ProductForm.Tier> tiers(String cell, List<String> errors) {
        return pairs(cell, "prices", "minQuantity=rupees", errors).stream()
                .map(pair -> parseLong(pair[0], "prices", errors)
                        .map(quantity -> new ProductForm.Tier(quantity, pair[1].trim())).orElse(null))
                .filter(tier -> tier != null).toList();
    }

    private static List<ProductForm.Pack> packs(String cell, List<String> errors) {
        return pairs(cell, "packs", "name=baseUnits", errors).stream()
                .map(pair -> parseLong(pair[1], "packs", errors)
                        .map(units -> new ProductForm.Pack(pair[0].trim(), units)).orElse(null))
                .filter(pack -> pack != null).toList();
    }

    /** {@code name=value|…}; a value may hold {@code =}, since names cannot. */
    private static List<ProductForm.Attribute> attributes(String cell, List<String> errors) {
        List<ProductForm.Attribute> attributes = new ArrayList<>();
        for (String part : cell.isBlank() ? new String[0] : cell.split("\\|", -1)) {
            int equals = part.indexOf('=');
            if (equals < 1) {
                errors.add("attributes: '" + part + "' is not name=value");
            } else {
                attributes.add(new ProductForm.Attribute(part.substring(0, equals), part.substring(equals + 1)));
            }
        }
        return attributes;
    }

    private static List<ProductForm.Image> images(String cell, String productName, Product product) {
        Map<String, String> known = product == null ? Map.of() : product.images().stream()
                .collect(Collectors.toMap(ProductImage::url, ProductImage::alt, (first, again) -> first));
        return cell.isBlank() ? List.of()
                : Arrays.stream(cell.split("\\|", -1)).map(String::trim)
                        .map(url -> new ProductForm.Image(url, known.getOrDefault(url, productName.trim())))
                        .toList();
    }

    private static List<String[]> pairs(String cell, String column, String shape, List<String> errors) {
        List<String[]> pairs = new ArrayList<>();
        if (cell.isBlank()) {
            return pairs;
        }
        for (String part : cell.split("\\|", -1)) {
            int equals = part.lastIndexOf('=');
            if (equals < 1) {
                errors.add(column + ": '" + part + "' is not " + shape);
            } else {
                pairs.add(new String[] { part.substring(0, equals), part.substring(equals + 1) });
            }
        }
        return pairs;
    }

    private static Optional<Long> parseLong(String text, String column, List<String> errors) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            errors.add(column + ": '" + text.trim() + "' is not a whole number");
            return Optional.empty();
        }
    }
}
