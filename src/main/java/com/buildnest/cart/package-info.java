/**
 * Shopping carts for customers and guests, priced through the catalogue when they are read.
 * <p>
 * A customer has one cart (by account id); a guest's cart is found by the {@code X-Cart-Token} it
 * was given when its first line was added (256 random bits; only its SHA-256 is stored). At
 * sign-in ({@link com.buildnest.customer.IdentityEvents.SignedIn}) and at any signed-in cart
 * request still carrying the token, the guest cart is merged into the customer's: quantities add
 * up, cut to what may be ordered and is in stock, and what could not be kept is reported as a
 * notice. Quantities are in the product's base unit and must respect its minimum, step and
 * maximum and the stock available; each cart has a version so that concurrent edits are never
 * silently lost. Idle guest carts are purged after 30 days.
 * <p>
 * API for other modules ({@link com.buildnest.cart.Carts}): {@code cart}, {@code add},
 * {@code change}, {@code remove} for a {@link com.buildnest.cart.Shopper}, returning a priced
 * {@link com.buildnest.cart.CartView}; for checkout, {@code forCheckout(accountId)} gives an
 * immutable snapshot (cart id, version, product ids and quantities) and
 * {@code checkedOut(accountId, cartId, version)} empties the cart after the order was placed,
 * only if it was not changed since the snapshot.
 */
@ApplicationModule(displayName = "Cart", allowedDependencies = { "shared", "platform", "platform :: web",
        "platform :: startup", "catalog", "inventory", "customer" })
package com.buildnest.cart;

import org.springframework.modulith.ApplicationModule;
