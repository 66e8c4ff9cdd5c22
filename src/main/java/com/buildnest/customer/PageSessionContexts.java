package com.buildnest.customer;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import com.buildnest.customer.SignIn.SignedInAccount;

/**
 * Where the page chains (the storefront's and the back office's) keep who is signed in: the server
 * session, as Spring Security's own repository does, but every request's sign-in is checked with
 * {@link SignIn#stillHolds} before it is believed. A session whose account changed its password
 * (here or anywhere else), was disabled, changed roles or was caught by an emergency revocation is
 * ended — the session invalidated, the request served as a guest's — instead of living on until
 * it times out.
 */
@Component
public class PageSessionContexts implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SignIn signIn;

    PageSessionContexts(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        Supplier<SecurityContext> checked = SingletonSupplier.of(() -> checked(stored.get(), request));
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return checked.get();
            }

            @Override
            public boolean isGenerated() {
                return stored.isGenerated() || checked.get() != stored.get();
            }
        };
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }

    private SecurityContext checked(SecurityContext context, HttpServletRequest request) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount account)
                || signIn.stillHolds(account)) {
            return context;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return SecurityContextHolder.createEmptyContext();
    }
}
