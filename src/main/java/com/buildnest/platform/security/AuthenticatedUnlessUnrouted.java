package com.buildnest.platform.security;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Requires an authenticated caller for every path a controller serves, and lets through the paths
 * nothing serves so that they answer 404 (or 405 for a known path with the wrong method) instead
 * of 401. A client probing for routes learns nothing from the difference: the answer is the same
 * with or without a token.
 */
final class AuthenticatedUnlessUnrouted implements AuthorizationManager<RequestAuthorizationContext> {

    private final List<HandlerMapping> handlerMappings;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    AuthenticatedUnlessUnrouted(List<HandlerMapping> handlerMappings) {
        this.handlerMappings = handlerMappings.stream()
                .filter(AbstractHandlerMethodMapping.class::isInstance)
                .toList();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller != null && caller.isAuthenticated() && !trust.isAnonymous(caller)) {
            // allowed whether a controller serves the path or not: no need to look its handler up
            // (a second lookup besides the dispatcher's, on every authenticated request)
            return new AuthorizationDecision(true);
        }
        return new AuthorizationDecision(!routed(context.getRequest()));
    }

    private boolean routed(HttpServletRequest request) {
        Object previousPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return anyMappingServes(request);
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previousPath);
        }
    }

    private boolean anyMappingServes(HttpServletRequest request) {
        for (HandlerMapping mapping : handlerMappings) {
            try {
                HandlerExecutionChain chain = mapping.getHandler(request);
                if (chain != null && !(chain.getHandler() instanceof ResourceHttpRequestHandler)) {
                    return true;
                }
            } catch (HttpRequestMethodNotSupportedException wrongMethod) {
                return false;
            } catch (Exception otherMismatch) {
                // Media-type or parameter mismatches: the path exists, so the caller must authenticate.
                return true;
            }
        }
        return false;
    }
}
