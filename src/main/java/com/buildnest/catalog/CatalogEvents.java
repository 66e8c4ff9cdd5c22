package com.buildnest.catalog;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What staff changed in the catalogue, published in the transaction of the change (the audit log
 * records them). {@code changes} says what changed, field by field, in words a person can read.
 */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /** @param action {@code created}, {@code updated} or {@code deactivated} */
    public record ProductChanged(long productId, String sku, String action, String changes, long actorId,
            Instant at) {
    }

    /** @param action {@code created}, {@code updated} or {@code deleted} */
    public record CategoryChanged(long categoryId, String slug, String action, String changes, long actorId,
            Instant at) {
    }

    public record ProductsImported(int created, int updated, int unchanged, long actorId, Instant at) {
    }

    static final int MAX_CHANGES = 900;
    private static final int MAX_VALUE = 160;

    /** {@code field: before → after; …} for each component of two records of one type that differs, but their version. */
    static <T extends Record> String differences(T before, T after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (component.getName().equals("version")) {
                continue;
            }
            Object was = value(component, before);
            Object is = value(component, after);
            if (!Objects.equals(was, is)) {
                changed.add(component.getName() + ": " + shortened(was) + " → " + shortened(is));
            }
        }
        String text = String.join("; ", changed);
        return text.length() <= MAX_CHANGES ? text : text.substring(0, MAX_CHANGES - 1) + "…";
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
    }
}
