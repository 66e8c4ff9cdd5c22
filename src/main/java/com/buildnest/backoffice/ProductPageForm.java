package com.buildnest.backoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.buildnest.catalog.CatalogAdministration.AdminProduct;
import com.buildnest.catalog.ProductForm;

/**
 * The product form as the browser sends it: every value as typed (so a refused form shows it again
 * exactly), the repeating groups as rows. Rows left blank are ignored, so an "add row" never has to
 * be filled in. {@link #toProductForm} reads the numbers and hands the catalogue module its own
 * {@link ProductForm}, which the module's rules then check.
 */
class ProductPageForm {

    private String sku;
    private String name;
    private String brand;
    private String categoryId;
    private String description;
    private String unit;
    private String hsnCode;
    private String weightGrams;
    private String minimumOrderQuantity;
    private String orderStep;
    private String maximumOrderQuantity;
    private String version;
    private boolean active = true;
    private List<TierRow> prices = new ArrayList<>();
    private List<PackRow> packs = new ArrayList<>();
    private List<AttributeRow> attributes = new ArrayList<>();
    private List<ImageRow> images = new ArrayList<>();

    /** An empty form for a new product: on sale, ordered one at a time, with one row of each group to fill. */
    static ProductPageForm blank() {
        ProductPageForm form = new ProductPageForm();
        form.minimumOrderQuantity = "1";
        form.orderStep = "1";
        for (String group : List.of("prices", "packs", "attributes", "images")) {
            form.addRow(group);
        }
        form.prices.get(0).setMinQuantity("1");
        return form;
    }

    /** The form filled with a product as the catalogue holds it, with one empty row more in each group. */
    static ProductPageForm of(AdminProduct product) {
        ProductPageForm form = new ProductPageForm();
        form.sku = product.sku();
        form.name = product.name();
        form.brand = product.brand();
        form.categoryId = Long.toString(product.categoryId());
        form.description = product.description();
        form.unit = product.unit().code();
        form.hsnCode = product.hsnCode();
        form.weightGrams = Long.toString(product.weightGrams());
        form.minimumOrderQuantity = Long.toString(product.minimumOrderQuantity());
        form.orderStep = Long.toString(product.orderStep());
        form.maximumOrderQuantity = Long.toString(product.maximumOrderQuantity());
        form.active = product.active();
        form.version = Long.toString(product.version());
        product.prices().forEach(p -> form.prices.add(new TierRow(Long.toString(p.minQuantity()), p.unitPrice().toRupees())));
        product.packs().forEach(p -> form.packs.add(new PackRow(p.name(), Long.toString(p.baseUnits()))));
        product.attributes().forEach(a -> form.attributes.add(new AttributeRow(a.name(), a.value())));
        product.images().forEach(i -> form.images.add(new ImageRow(i.url(), i.alt())));
        for (String group : List.of("prices", "packs", "attributes", "images")) {
            form.addRow(group);
        }
        return form;
    }

    /** Adds an empty row to a repeating group; an unknown group is ignored. */
    void addRow(String group) {
        switch (group == null ? "" : group) {
            case "prices" -> prices.add(new TierRow());
            case "packs" -> packs.add(new PackRow());
            case "attributes" -> attributes.add(new AttributeRow());
            case "images" -> images.add(new ImageRow());
            default -> {
            }
        }
    }

    /** Removes the rows left blank, so that the messages' row numbers match the rows shown again. */
    void dropBlankRows() {
        prices.removeIf(TierRow::blank);
        packs.removeIf(PackRow::blank);
        attributes.removeIf(AttributeRow::blank);
        images.removeIf(ImageRow::blank);
    }

    /**
     * The form as the catalogue module's {@link ProductForm}, blank rows dropped; a number that cannot
     * be read is put in {@code errors} under its field and passed on as absent.
     */
    ProductForm toProductForm(Map<String, String> errors) {
        dropBlankRows();
        FormNumbers numbers = new FormNumbers(errors);
        return new ProductForm(sku, name, brand, numbers.read("categoryId", categoryId), description, unit, hsnCode,
                numbers.read("weightGrams", weightGrams),
                numbers.read("minimumOrderQuantity", minimumOrderQuantity), numbers.read("orderStep", orderStep),
                numbers.read("maximumOrderQuantity", maximumOrderQuantity),
                rows(prices, (i, row) -> new ProductForm.Tier(numbers.read("prices[" + i + "].minQuantity",
                        row.getMinQuantity()), row.getUnitPrice())),
                rows(packs, (i, row) -> new ProductForm.Pack(row.getName(), numbers.read("packs[" + i + "].baseUnits",
                        row.getBaseUnits()))),
                rows(attributes, (i, row) -> new ProductForm.Attribute(row.getName(), row.getValue())),
                rows(images, (i, row) -> new ProductForm.Image(row.getUrl(), row.getAlt())), active,
                numbers.read("version", version));
    }

    private interface RowReader<R, T> {
        T read(int index, R row);
    }

    private static <R, T> List<T> rows(List<R> rows, RowReader<R, T> reader) {
        List<T> read = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            read.add(reader.read(i, rows.get(i)));
        }
        return read;
    }

    private static boolean allBlank(String... values) {
        return Stream.of(values).allMatch(value -> value == null || value.isBlank());
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand;
    }

    public String getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getHsnCode() {
        return hsnCode;
    }

    public void setHsnCode(String hsnCode) {
        this.hsnCode = hsnCode;
    }

    public String getWeightGrams() {
        return weightGrams;
    }

    public void setWeightGrams(String weightGrams) {
        this.weightGrams = weightGrams;
    }

    public String getMinimumOrderQuantity() {
        return minimumOrderQuantity;
    }

    public void setMinimumOrderQuantity(String minimumOrderQuantity) {
        this.minimumOrderQuantity = minimumOrderQuantity;
    }

    public String getOrderStep() {
        return orderStep;
    }

    public void setOrderStep(String orderStep) {
        this.orderStep = orderStep;
    }

    public String getMaximumOrderQuantity() {
        return maximumOrderQuantity;
    }

    public void setMaximumOrderQuantity(String maximumOrderQuantity) {
        this.maximumOrderQuantity = maximumOrderQuantity;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<TierRow> getPrices() {
        return prices;
    }

    public void setPrices(List<TierRow> prices) {
        this.prices = prices;
    }

    public List<PackRow> getPacks() {
        return packs;
    }

    public void setPacks(List<PackRow> packs) {
        this.packs = packs;
    }

    public List<AttributeRow> getAttributes() {
        return attributes;
    }

    public void setAttributes(List<AttributeRow> attributes) {
        this.attributes = attributes;
    }

    public List<ImageRow> getImages() {
        return images;
    }

    public void setImages(List<ImageRow> images) {
        this.images = images;
    }

    /** A row of the form's tier group. */
    public static class TierRow {
        private String minQuantity;
        private String unitPrice;

        public TierRow() {
        }

        TierRow(String minQuantity, String unitPrice) {
            this.minQuantity = minQuantity;
            this.unitPrice = unitPrice;
        }

        boolean blank() {
            return allBlank(minQuantity, unitPrice);
        }

        public String getMinQuantity() {
            return minQuantity;
        }

        public void setMinQuantity(String minQuantity) {
            this.minQuantity = minQuantity;
        }

        public String getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(String unitPrice) {
            this.unitPrice = unitPrice;
        }
    }

    /** A row of the form's pack group. */
    public static class PackRow {
        private String name;
        private String baseUnits;

        public PackRow() {
        }

        PackRow(String name, String baseUnits) {
            this.name = name;
            this.baseUnits = baseUnits;
        }

        boolean blank() {
            return allBlank(name, baseUnits);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getBaseUnits() {
            return baseUnits;
        }

        public void setBaseUnits(String baseUnits) {
            this.baseUnits = baseUnits;
        }
    }

    /** A row of the form's attribute group. */
    public static class AttributeRow {
        private String name;
        private String value;

        public AttributeRow() {
        }

        AttributeRow(String name, String value) {
            this.name = name;
            this.value = value;
        }

        boolean blank() {
            return allBlank(name, value);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    /** A row of the form's image group. */
    public static class ImageRow {
        private String url;
        private String alt;

        public ImageRow() {
        }

        ImageRow(String url, String alt) {
            this.url = url;
            this.alt = alt;
        }

        boolean blank() {
            return allBlank(url, alt);
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getAlt() {
            return alt;
        }

        public void setAlt(String alt) {
            this.alt = alt;
        }
    }
}
