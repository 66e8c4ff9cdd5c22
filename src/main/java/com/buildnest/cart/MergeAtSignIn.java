package com.buildnest.cart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.buildnest.customer.IdentityEvents.SignedIn;

/**
 * Merges the guest cart a shopper brought to the sign-in, once the sign-in has committed and
 * before its answer goes out, so the very next {@code GET /api/cart} shows the merged lines. A
 * merge that fails leaves the sign-in alone: the guest cart stays and merges at the next cart
 * request that carries its token.
 */
@Component
class MergeAtSignIn {

    private static final Logger log = LoggerFactory.getLogger(MergeAtSignIn.class);

    private final Carts carts;

    MergeAtSignIn(Carts carts) {
        this.carts = carts;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SignedIn event) {
        if (event.guestCartToken() == null) {
            return;
        }
        try {
            carts.mergeGuestCart(event.accountId(), event.guestCartToken());
        } catch (RuntimeException failure) {
            log.warn("Could not merge a guest cart into account {} at sign-in", event.accountId(), failure);
        }
    }
}
