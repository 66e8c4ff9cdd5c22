package com.buildnest.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A shelf of the shop (Cement, TMT Steel, Tiles…), possibly inside a parent shelf. */
@Entity
@Table(name = "catalog_category")
class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 80)
    private String slug;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private int position;

    /** What counts as low stock for the products on this shelf and those below it; null: the parent's. */
    @Column(name = "low_stock_threshold")
    private Long lowStockThreshold;

    protected Category() {
    }

    Category(String slug, String name, Long parentId, int position, Long lowStockThreshold) {
        update(slug, name, parentId, position, lowStockThreshold);
    }

    /** Renames or moves the shelf; the caller has made sure the new parent is not inside it. */
    void update(String slug, String name, Long parentId, int position, Long lowStockThreshold) {
        this.slug = slug;
        this.name = name;
        this.parentId = parentId;
        this.position = position;
        this.lowStockThreshold = lowStockThreshold;
    }

    /**
     * The ids of a category and of every category below it, at any depth, its own first: a shelf
     * shows what its sub-shelves hold (the storefront's listing and the back office's filter alike).
     */
    static List<Long> subtreeOf(long rootId, Collection<Category> all) {
        List<Long> ids = new ArrayList<>(List.of(rootId));
        for (int i = 0; i < ids.size(); i++) {
            Long parent = ids.get(i);
            all.stream().filter(c -> parent.equals(c.parentId())).map(Category::id).forEach(ids::add);
        }
        return ids;
    }

    Long id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    Long parentId() {
        return parentId;
    }

    int position() {
        return position;
    }

    Long lowStockThreshold() {
        return lowStockThreshold;
    }
}
