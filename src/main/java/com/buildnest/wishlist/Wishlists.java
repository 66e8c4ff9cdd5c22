package com.buildnest.wishlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.catalog.ProductCatalog;
import com.buildnest.catalog.ProductCatalog.Offer;
import com.buildnest.inventory.Inventory;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;
import com.buildnest.wishlist.Wishlist.Added;

/**
 * Customers' wishlists: read with today's prices and stock, added to, removed from. A change locks
 * the customer's wishlist row, so concurrent additions are counted against the limit one by one.
 */
@Service
public class Wishlists {

    private final WishlistRepository wishlists;
    private final ProductCatalog catalog;
    private final Inventory inventory;
    private final WishlistProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Wishlists(WishlistRepository wishlists, ProductCatalog catalog, Inventory inventory,
            WishlistProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.wishlists = wishlists;
        this.catalog = catalog;
        this.inventory = inventory;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A wishlist as its owner sees it: the latest added first, with how many it may hold. */
    public record WishlistView(List<ItemView> items, int count, int maxItems) {
    }

    /**
     * A product on the wishlist as the shop offers it today. {@code available} is false once the
     * product is no longer on sale: then {@code name} and {@code sku} are those it had when it was
     * added, and it has no price. {@code price} is per base {@code unit} at the minimum order,
     * without GST; {@code priceIncludingGst} is null when no GST rate is on record today.
     * {@code inStock} is whether at least the minimum order can be supplied now.
     */
    public record ItemView(long productId, String sku, String name, boolean available, String unit, Money price,
            Money priceIncludingGst, boolean inStock, Instant addedAt) {
    }

    /** What an addition did: the item, and whether it was added now or was there already. */
    public record Addition(ItemView item, boolean added) {
    }

    /** The customer's wishlist; empty when they never added anything. Five queries however long it is. */
    @Transactional(readOnly = true)
    public WishlistView of(long accountId) {
        List<WishlistItem> items = wishlists.findWithItems(accountId).map(Wishlist::items).orElse(List.of());
        LocalDate today = IndianDay.today(clock);
        Map<Long, Offer> offers = catalog.offers(items.stream().map(WishlistItem::productId).toList(), today);
        Map<String, Long> stock = inventory.availability(offers.values().stream().map(Offer::sku).toList());
        return new WishlistView(items.stream().map(item -> view(item, offers.get(item.productId()), stock)).toList(),
                items.size(), properties.maxItems());
    }

    /**
     * Puts an active product on the customer's wishlist, if it is not there yet. Refused: an unknown
     * or inactive product ({@code catalog.product-not-found}), a full wishlist ({@code wishlist.full}).
     */
    public Addition add(long accountId, long productId) {
        Offer offer = catalog.offers(List.of(productId), IndianDay.today(clock)).get(productId);
        if (offer == null) {
            throw BusinessRuleViolation.notFound("catalog.product-not-found", "No product with id " + productId + ".");
        }
        // The row is made in a transaction of its own: made inside the next one, two first additions
        // would each hold a shared lock on it and wait for the other's to lock it for the change.
        transaction.executeWithoutResult(tx -> wishlists.open(accountId));
        Added added = transaction.execute(tx -> {
            Wishlist wishlist = wishlists.lock(accountId).orElseThrow();
            Added result = wishlist.add(productId, offer.name(), offer.sku(), properties.maxItems(), clock.instant());
            wishlists.flush();
            return result;
        });
        Map<String, Long> stock = inventory.availability(List.of(offer.sku()));
        return new Addition(view(added.item(), offer, stock), added.isNew());
    }

    /** Takes the product off the customer's wishlist; nothing happens if it is not on it. */
    @Transactional
    public void remove(long accountId, long productId) {
        wishlists.lock(accountId).ifPresent(wishlist -> wishlist.remove(productId));
    }

    private static ItemView view(WishlistItem item, Offer offer, Map<String, Long> stock) {
        if (offer == null) {
            return new ItemView(item.productId(), item.productSku(), item.productName(), false, null, null, null,
                    false, item.addedAt());
        }
        long minimum = offer.ordering().minimum();
        Money price = offer.prices().unitPriceFor(minimum);
        long available = stock.getOrDefault(offer.sku(), 0L);
        return new ItemView(offer.productId(), offer.sku(), offer.name(), true, offer.unit(), price,
                offer.gstRate() == null ? null : offer.gstRate().addTo(price), available > 0 && available >= minimum,
                item.addedAt());
    }
}
