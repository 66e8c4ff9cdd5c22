package com.buildnest.cart;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.catalog.ProductCatalog.Offer;
import com.buildnest.catalog.ProductCatalog;
import com.buildnest.inventory.Inventory;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;

/**
 * The cart module's API: read, change and merge carts, and hand a customer's cart to checkout.
 * <p>
 * Each change is a transaction of its own (even when called inside another) that locks the cart
 * row first, so concurrent changes of one cart take turns; it is retried from the start when a
 * race got past the lock (two first adds creating the same customer's cart, a lock deadlock), so
 * two tabs adding different products both keep their line. A caller that names the version it
 * saw ({@code expectedVersion}, from {@code If-Match}) is never retried but refused with
 * {@code cart.version-conflict} when the cart has moved on. Every read prices the cart afresh in a
 * constant number of queries, whatever its length.
 */
@Service
public class Carts {

    static final int ATTEMPTS = 10;

    private final CartRepository carts;
    private final ProductCatalog catalog;
    private final Inventory inventory;
    private final CartProperties properties;
    private final Clock clock;
    private final TransactionTemplate edits;
    private final TransactionTemplate reads;

    Carts(CartRepository carts, ProductCatalog catalog, Inventory inventory, CartProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.carts = carts;
        this.catalog = catalog;
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
        this.edits = new TransactionTemplate(transactions);
        this.edits.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    /** A customer's cart as checkout takes it: the lines and the version they were read at. */
    public record CheckoutCart(long cartId, long version, List<CheckoutLine> lines) {
    }

    /** A product and its quantity in the product's base unit, as {@link ProductCatalog#quote} takes it. */
    public record CheckoutLine(long productId, long quantity) {
    }

    /**
     * The shopper's cart, priced now; an empty view when there is none (browsing creates nothing).
     * A signed-in shopper who still sends a guest token has that guest cart merged in first.
     */
    public CartView cart(Shopper shopper) {
        mergeGuestCartOf(shopper);
        return reads.execute(tx -> find(shopper, false).map(cart -> CartView.of(cart, shelfFor(cart, null), null))
                .orElseGet(CartView::empty));
    }

    /**
     * Adds {@code quantity} base units of a product, creating the cart on the first add (a guest's
     * new cart comes back with its {@link CartView#cartToken()}). Refused for a product not for
     * sale ({@code catalog.product-not-found}), a resulting quantity the catalogue does not accept
     * ({@code catalog.quantity-*}), more than the stock ({@code inventory.insufficient-stock}), a
     * line too many ({@code cart.too-many-lines}) and a stale {@code expectedVersion}.
     */
    public CartView add(Shopper shopper, long productId, long quantity, Long expectedVersion) {
        mergeGuestCartOf(shopper);
        return edit(shopper, expectedVersion, true, productId,
                (cart, shelf, now) -> cart.add(productId, quantity, shelf, properties.maxLines(), now));
    }

    /** Sets a line's quantity, under the rules of {@link #add}; another shopper's line is {@code cart.item-not-found}. */
    public CartView change(Shopper shopper, long itemId, long quantity, Long expectedVersion) {
        mergeGuestCartOf(shopper);
        return edit(shopper, expectedVersion, false, null,
                (cart, shelf, now) -> cart.change(itemId, quantity, shelf, now));
    }

    /** Removes a line; another shopper's line is {@code cart.item-not-found}. */
    public CartView remove(Shopper shopper, long itemId, Long expectedVersion) {
        mergeGuestCartOf(shopper);
        return edit(shopper, expectedVersion, false, null, (cart, shelf, now) -> cart.remove(itemId, now));
    }

    /**
     * Moves a guest cart into the account's cart (see {@link Cart#absorb}) and deletes it. Harmless
     * to repeat: an unknown or already merged token does nothing.
     */
    public void mergeGuestCart(long accountId, String guestToken) {
        GuestToken token = GuestToken.parse(guestToken).orElse(null);
        if (token == null) {
            return;
        }
        retrying(null, () -> edits.execute(tx -> {
            Cart guest = carts.lockByGuestTokenHash(token.hash()).orElse(null);
            if (guest != null) {
                Instant now = clock.instant();
                Cart mine = carts.lockByAccountId(accountId).orElseGet(() -> Cart.of(accountId, now));
                mine.absorb(guest, shelfFor(Stream.of(mine, guest)), properties.maxLines(), now);
                carts.delete(guest);
                carts.saveAndFlush(mine);
            }
            return null;
        }));
    }

    /** The customer's cart for checkout; empty when there is none or it has no lines. */
    @Transactional(readOnly = true)
    public Optional<CheckoutCart> forCheckout(long accountId) {
        return carts.findByAccountId(accountId).filter(cart -> !cart.items().isEmpty())
                .map(cart -> new CheckoutCart(cart.id(), cart.version(), cart.items().stream()
                        .map(item -> new CheckoutLine(item.productId(), item.quantity())).toList()));
    }

    /**
     * An order was placed from {@link #forCheckout}'s snapshot: the cart goes (the next add starts a
     * new one), but only if it is still at that version (one conditional delete). Returns false,
     * changing nothing, when the shopper changed the cart meanwhile, so lines added in another tab
     * are not lost.
     */
    @Transactional
    public boolean checkedOut(long accountId, long cartId, long version) {
        return carts.deleteAtVersion(cartId, accountId, version) == 1;
    }

    /** Deletes up to {@code batchSize} guest carts untouched since {@code idleSince}; returns how many. */
    @Transactional
    int purgeIdleGuestCarts(Instant idleSince, int batchSize) {
        List<Long> idle = carts.findIdleGuestCarts(idleSince, PageRequest.of(0, batchSize));
        if (!idle.isEmpty()) {
            carts.deleteByIds(idle);
        }
        return idle.size();
    }

    /** One change to a cart, given what the shelf holds for it. */
    @FunctionalInterface
    private interface Change {
        void apply(Cart cart, Shelf shelf, Instant now);
    }

    private CartView edit(Shopper shopper, Long expectedVersion, boolean create, Long productId, Change change) {
        return retrying(expectedVersion, () -> edits.execute(tx -> {
            Instant now = clock.instant();
            GuestToken newToken = null;
            Cart cart = find(shopper, true).orElse(null);
            if (cart == null && !create) {
                throw BusinessRuleViolation.notFound("cart.item-not-found", "Your cart has no such line.");
            }
            if (cart == null) {
                newToken = shopper.signedIn() ? null : GuestToken.generate();
                cart = shopper.signedIn() ? Cart.of(shopper.accountId(), now) : Cart.ofGuest(newToken, now);
            }
            if (expectedVersion != null && expectedVersion != cart.version()) {
                throw versionConflict();
            }
            Shelf shelf = shelfFor(cart, productId);
            change.apply(cart, shelf, now);
            carts.saveAndFlush(cart);
            return CartView.of(cart, shelf, newToken);
        }));
    }

    /**
     * Runs {@code work} again when a concurrent change got in first: a version check that failed, a
     * lock lost, or a unique key taken (two first adds creating the same customer's cart or line).
     */
    private <T> T retrying(Long expectedVersion, Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (ConcurrencyFailureException | DataIntegrityViolationException race) {
                if (expectedVersion != null || attempt == ATTEMPTS) {
                    throw versionConflict();
                }
            }
        }
    }

    private void mergeGuestCartOf(Shopper shopper) {
        if (shopper.signedIn() && shopper.guestToken() != null) {
            mergeGuestCart(shopper.accountId(), shopper.guestToken());
        }
    }

    private Optional<Cart> find(Shopper shopper, boolean toChange) {
        if (shopper.signedIn()) {
            return toChange ? carts.lockByAccountId(shopper.accountId()) : carts.findByAccountId(shopper.accountId());
        }
        return GuestToken.parse(shopper.guestToken()).flatMap(token -> toChange
                ? carts.lockByGuestTokenHash(token.hash()) : carts.findByGuestTokenHash(token.hash()));
    }

    private Shelf shelfFor(Cart cart, Long extraProductId) {
        Set<Long> ids = productIds(Stream.of(cart));
        if (extraProductId != null) {
            ids.add(extraProductId);
        }
        return shelf(ids);
    }

    private Shelf shelfFor(Stream<Cart> cartsToPrice) {
        return shelf(productIds(cartsToPrice));
    }

    private static Set<Long> productIds(Stream<Cart> cartsToPrice) {
        Set<Long> ids = new TreeSet<>();
        cartsToPrice.flatMap(cart -> cart.items().stream()).forEach(item -> ids.add(item.productId()));
        return ids;
    }

    /** Three catalogue queries and one inventory query, however many products. */
    private Shelf shelf(Set<Long> productIds) {
        Map<Long, Offer> offers = catalog.offers(productIds, IndianDay.today(clock));
        return new Shelf(offers, inventory.availability(offers.values().stream().map(Offer::sku).toList()));
    }

    private static BusinessRuleViolation versionConflict() {
        return BusinessRuleViolation.conflict("cart.version-conflict",
                "The cart was changed elsewhere (another tab or device). Reload it and try again.");
    }
}
