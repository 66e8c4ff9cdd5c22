package com.buildnest.storefront;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import com.buildnest.cart.Carts;
import com.buildnest.cart.Shopper;
import com.buildnest.customer.PageSessionContexts;
import com.buildnest.customer.PageSessions;
import com.buildnest.customer.SignIn.SignedInAccount;

/**
 * What the page session holds: the signed-in account (as Spring Security's context) and a guest's
 * cart token, which the cart module gave when the guest's cart was created.
 */
@Component
class PageSession implements PageSessions {

    static final String CART_TOKEN = "buildnest.cartToken";
    static final String SOCIAL_SIGN_IN_NEXT = "buildnest.socialSignInNext";

    private final SecurityContextRepository contexts;
    private final Carts carts;

    PageSession(PageSessionContexts pageSecurityContexts, Carts carts) {
        this.contexts = pageSecurityContexts;
        this.carts = carts;
    }

    /** Remembers that this browser's page asked for a social sign-in, and where to go once it is done. */
    void startSocialSignIn(String next, HttpServletRequest request) {
        request.getSession(true).setAttribute(SOCIAL_SIGN_IN_NEXT, next);
    }

    /** Answers once: a second callback in the same session is not a page's any more. */
    @Override
    public Optional<String> socialSignInStartedFrom(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SOCIAL_SIGN_IN_NEXT) instanceof String next)) {
            return Optional.empty();
        }
        session.removeAttribute(SOCIAL_SIGN_IN_NEXT);
        return Optional.of(next);
    }

    @Override
    public String refusedPage(String code) {
        return "/signin?social=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    /** Whose cart this request is about: the account if signed in, with any guest token it still holds. */
    Shopper shopper(SignedInAccount account, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String token = session == null ? null : (String) session.getAttribute(CART_TOKEN);
        return new Shopper(account == null ? null : account.accountId(), token);
    }

    @Override
    public String guestCartToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(CART_TOKEN);
    }

    /** Keeps the token of a cart just created for a guest. */
    void keepCartToken(String token, HttpServletRequest request) {
        if (token != null) {
            request.getSession(true).setAttribute(CART_TOKEN, token);
        }
    }

    /**
     * Signs the account in to this browser: a new session id (no fixation), the context saved in
     * the session. The guest cart token is dropped: the sign-in merged that cart into the account's,
     * whose count the header then shows.
     */
    @Override
    public void signIn(SignedInAccount account, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().removeAttribute(CART_TOKEN);
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        PageModel.remember(carts.cart(shopper(account, request)), request);
    }
}
