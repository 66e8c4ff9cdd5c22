package com.buildnest.wishlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * A customer's wishlist: each product at most once, at most so many of them. Its row is made once
 * per customer and locked by every change, so two additions at once cannot both take the last place.
 */
@Entity
@Table(name = "wishlist")
class Wishlist {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @OneToMany(mappedBy = "wishlist", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<WishlistItem> items = new ArrayList<>();

    protected Wishlist() {
    }

    /**
     * Adds a product, remembering the name and SKU it has now; returns the product's item and
     * whether it is new. A product already there stays as it was; a new one must fit under
     * {@code maxItems} ({@code wishlist.full}).
     */
    Added add(long productId, String name, String sku, int maxItems, Instant now) {
        Optional<WishlistItem> present = item(productId);
        if (present.isPresent()) {
            return new Added(present.get(), false);
        }
        if (items.size() >= maxItems) {
            throw BusinessRuleViolation.conflict("wishlist.full",
                    "A wishlist holds at most " + maxItems + " products; remove one first.");
        }
        WishlistItem item = new WishlistItem(this, productId, name, sku, now);
        items.add(item);
        return new Added(item, true);
    }

    record Added(WishlistItem item, boolean isNew) {
    }

    /** Removes the product if it is there; returns whether it was. */
    boolean remove(long productId) {
        return items.removeIf(item -> item.productId() == productId);
    }

    /** The items, the latest added first. */
    List<WishlistItem> items() {
        return items.stream().sorted(Comparator.comparing(WishlistItem::addedAt).reversed()
                .thenComparing(WishlistItem::productId)).toList();
    }

    private Optional<WishlistItem> item(long productId) {
        return items.stream().filter(item -> item.productId() == productId).findFirst();
    }
}
