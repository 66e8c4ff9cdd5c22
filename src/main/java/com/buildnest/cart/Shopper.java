package com.buildnest.cart;

/**
 * Whose cart a request is about: a signed-in account, a guest holding a cart token, or both (a
 * guest who has just signed in: the guest cart is merged into the account's). A guest without a
 * token has no cart yet.
 *
 * @param accountId the signed-in account, or null for a guest
 * @param guestToken the {@code X-Cart-Token} the client sent, or null
 */
public record Shopper(Long accountId, String guestToken) {

    public static Shopper account(long accountId) {
        return new Shopper(accountId, null);
    }

    public static Shopper guest(String guestToken) {
        return new Shopper(null, guestToken);
    }

    boolean signedIn() {
        return accountId != null;
    }
}
