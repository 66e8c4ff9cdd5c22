package com.buildnest.customer;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.buildnest.customer.SignIn.SignedInAccount;

/**
 * The browser sessions of the shop's pages, which a social sign-in started from a page ends in
 * instead of handing the browser API tokens. The storefront implements it; without it (or for a
 * sign-in an app started) social sign-in ends with the token pair as before.
 */
public interface PageSessions {

    /**
     * Where to send the browser once a social sign-in that this browser's page session started is
     * done; empty when no page started it.
     */
    Optional<String> socialSignInStartedFrom(HttpServletRequest request);

    /** The guest cart the page session holds, to merge into the account's; null for none. */
    String guestCartToken(HttpServletRequest request);

    /** Signs the account in to the page session (a new session id, the account in its security context). */
    void signIn(SignedInAccount account, HttpServletRequest request, HttpServletResponse response);

    /** Where a page sign-in that was refused or failed sends the browser, with the refusal's code. */
    String refusedPage(String code);
}
