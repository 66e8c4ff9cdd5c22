package com.buildnest.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.buildnest.catalog.OrderQuantityRule;
import com.buildnest.catalog.ProductCatalog.Offer;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * A customer's or a guest's cart: one line per product, quantities in the product's base unit.
 * It guards its own rules (the catalogue's minimum, step and maximum, the stock on the shelf, at
 * most so many lines) and every change bumps its version, so an edit made against an older
 * version fails instead of overwriting another tab's change. Prices are never stored: a cart is
 * priced when it is read.
 */
@Entity
@Table(name = "cart")
class Cart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", unique = true)
    private Long accountId;

    @Column(name = "guest_token_hash", unique = true, length = 64, columnDefinition = "CHAR(64)")
    private String guestTokenHash;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CartItem> items = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "cart_notice", joinColumns = @JoinColumn(name = "cart_id"))
    @OrderColumn(name = "position")
    private List<Notice> notices = new ArrayList<>();

    protected Cart() {
    }

    private Cart(Long accountId, String guestTokenHash, Instant now) {
        this.accountId = accountId;
        this.guestTokenHash = guestTokenHash;
        this.createdAt = now;
        this.updatedAt = now;
        this.lastActivityAt = now;
    }

    static Cart of(long accountId, Instant now) {
        return new Cart(accountId, null, now);
    }

    static Cart ofGuest(GuestToken token, Instant now) {
        return new Cart(null, token.hash(), now);
    }

    /**
     * Adds {@code quantity} of a product, to its line if the cart has one. The line's new total
     * must be orderable and on the shelf; a new line must fit under {@code maxLines}.
     */
    void add(long productId, long quantity, Shelf shelf, int maxLines, Instant now) {
        Offer offer = shelf.requireOffer(productId);
        Optional<CartItem> line = line(productId);
        if (line.isEmpty() && items.size() >= maxLines) {
            throw tooManyLines(maxLines);
        }
        long total = line.map(CartItem::quantity).orElse(0L) + quantity;
        requireOrderable(offer, total, shelf);
        line.ifPresentOrElse(item -> item.quantity(total),
                () -> items.add(new CartItem(this, productId, quantity, now)));
        changed(now);
    }

    /** Sets a line's quantity, under the same rules as adding. */
    void change(long itemId, long quantity, Shelf shelf, Instant now) {
        CartItem item = item(itemId);
        requireOrderable(shelf.requireOffer(item.productId()), quantity, shelf);
        item.quantity(quantity);
        changed(now);
    }

    void remove(long itemId, Instant now) {
        items.remove(item(itemId));
        changed(now);
    }

    /** Removes every line, as after an order was placed from them. */
    void empty(Instant now) {
        items.clear();
        changed(now);
    }

    /**
     * Takes over a guest's lines: quantities add up, cut down to what may be ordered and what is on
     * the shelf; a line that cannot be kept at all is left out. Each such cut is remembered as a
     * notice until the next change to this cart.
     */
    void absorb(Cart guest, Shelf shelf, int maxLines, Instant now) {
        List<Notice> cuts = new ArrayList<>();
        for (CartItem guestLine : guest.items) {
            long productId = guestLine.productId();
            Optional<CartItem> line = line(productId);
            long held = line.map(CartItem::quantity).orElse(0L);
            long wanted = held + guestLine.quantity();
            Offer offer = shelf.offer(productId).orElse(null);
            if (offer == null) {
                cuts.add(new Notice(productId, "cart.merge-product-unavailable",
                        "A product from your guest cart is no longer sold; it was left out."));
                continue;
            }
            if (line.isEmpty() && items.size() >= maxLines) {
                cuts.add(new Notice(productId, "cart.too-many-lines",
                        offer.name() + " was left out: a cart holds at most " + maxLines + " lines."));
                continue;
            }
            long kept = largestOrderable(offer.ordering(), Math.min(wanted, shelf.available(offer.sku())));
            if (kept == 0) {
                cuts.add(new Notice(productId, "cart.merge-line-dropped", offer.name() + ": " + wanted
                        + " cannot be ordered (order limits or stock), so the guest cart's "
                        + guestLine.quantity() + " were left out."));
                continue;
            }
            if (kept < wanted) {
                cuts.add(new Notice(productId, "cart.merge-quantity-reduced", offer.name() + ": " + wanted
                        + " wanted, " + kept + " kept (order limits or stock)."));
            }
            line.ifPresentOrElse(item -> item.quantity(kept),
                    () -> items.add(new CartItem(this, productId, kept, now)));
        }
        changed(now);
        notices.addAll(cuts);
    }

    /** The most that may be ordered without going over {@code cap}; 0 when not even the minimum fits. */
    static long largestOrderable(OrderQuantityRule rule, long cap) {
        long limit = Math.min(cap, rule.maximum());
        if (limit < rule.minimum()) {
            return 0;
        }
        return limit - (limit - rule.minimum()) % rule.step();
    }

    private static void requireOrderable(Offer offer, long quantity, Shelf shelf) {
        offer.ordering().require(quantity);
        long available = shelf.available(offer.sku());
        if (quantity > available) {
            throw BusinessRuleViolation.conflict("inventory.insufficient-stock", "Only " + Math.max(available, 0)
                    + " of " + offer.sku() + " are in stock; " + quantity + " cannot be ordered.");
        }
    }

    private void changed(Instant now) {
        updatedAt = now;
        lastActivityAt = now;
        notices.clear();
    }

    private Optional<CartItem> line(long productId) {
        return items.stream().filter(item -> item.productId() == productId).findFirst();
    }

    private CartItem item(long itemId) {
        return items.stream().filter(item -> Long.valueOf(itemId).equals(item.id())).findFirst()
                .orElseThrow(() -> BusinessRuleViolation.notFound("cart.item-not-found",
                        "Your cart has no line " + itemId + "."));
    }

    private static BusinessRuleViolation tooManyLines(int maxLines) {
        return BusinessRuleViolation.conflict("cart.too-many-lines",
                "A cart holds at most " + maxLines + " lines; remove one first.");
    }

    Long id() {
        return id;
    }

    Long accountId() {
        return accountId;
    }

    long version() {
        return version;
    }

    List<CartItem> items() {
        return List.copyOf(items);
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }

    /** Something the last merge could not keep as it was, for the shopper to read. */
    @Embeddable
    record Notice(@Column(name = "product_id", nullable = false) long productId,
            @Column(nullable = false, length = 64) String code,
            @Column(nullable = false, length = 500) String message) {
    }
}
