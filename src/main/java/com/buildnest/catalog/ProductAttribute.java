package com.buildnest.catalog;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A fact a shopper filters and compares by ("grade" = "OPC 53", "finish" = "Matt"): a lowercase
 * key such as grade, size, finish, colour, material, thickness, length, diameter, capacity,
 * wattage or pressure-rating, and a value of 1 to 120 characters. Names are normalised (trimmed,
 * lower-cased) so facets group; a value cannot hold {@code |}, which separates attributes in the
 * CSV, nor control characters.
 */
public record ProductAttribute(String name, String value) implements Serializable {

    /** More would be a specification sheet, not facets. */
    static final int MAX_PER_PRODUCT = 20;
    static final int MAX_VALUE_LENGTH = 120;
    /** An attribute name as written in forms and files: letters in any case, digits and dashes. */
    static final String NAME = "\\s*[A-Za-z][A-Za-z0-9-]{0,59}\\s*";
    /** An attribute value as written: 1 to 120 characters once trimmed, no {@code |}, no control characters. */
    static final String VALUE = "\\s*[^|\\p{Cntrl}\\s](?:[^|\\p{Cntrl}]{0,118}[^|\\p{Cntrl}\\s])?\\s*";

    public ProductAttribute {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("an attribute name is a letter followed by up to 59 letters, digits"
                    + " or dashes: " + name);
        }
        name = name.trim().toLowerCase(Locale.ROOT);
        if (value == null || !value.matches(VALUE)) {
            throw new IllegalArgumentException("attribute " + name + " needs a value of 1 to " + MAX_VALUE_LENGTH
                    + " characters without | or control characters");
        }
        value = value.trim();
    }

    /** The attributes of one product: at most {@value #MAX_PER_PRODUCT}, no name twice. */
    static List<ProductAttribute> ofProduct(List<ProductAttribute> attributes) {
        if (attributes.size() > MAX_PER_PRODUCT) {
            throw new IllegalArgumentException("a product has at most " + MAX_PER_PRODUCT + " attributes, not "
                    + attributes.size());
        }
        Set<String> names = new HashSet<>();
        for (ProductAttribute attribute : attributes) {
            if (!names.add(attribute.name())) {
                throw new IllegalArgumentException("two attributes are named '" + attribute.name() + "'");
            }
        }
        return List.copyOf(attributes);
    }
}
