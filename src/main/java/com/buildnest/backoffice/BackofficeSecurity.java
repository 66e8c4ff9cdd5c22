package com.buildnest.backoffice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.util.UriUtils;

import com.buildnest.customer.PageSessionContexts;
import com.buildnest.platform.security.BrowserProtections;

/**
 * The security of the back office's pages, a filter chain of its own for {@code /admin/**}, next to
 * the storefront's: the same page session (staff sign in on the storefront's sign-in page, and the
 * session's sign-in is read here through {@link PageSessionContexts}, checked on every request),
 * the same CSRF token in every form, the same browser protections. Every page needs STAFF or ADMIN; changing an account's roles needs ADMIN, as the
 * API's {@code PUT /api/admin/customers/{id}/roles} does. A guest is sent to sign in and comes back;
 * a signed-in shopper gets the 403 page.
 */
@Configuration
class BackofficeSecurity {

    static final String[] PAGES = { "/admin", "/admin/**" };

    /**
     * Pages that only an ADMIN may use, as their API counterparts (roles, the audit log); everything
     * else in the back office is for STAFF and ADMIN.
     */
    static final String[] ADMIN_ONLY = { "/admin/customers/*/roles", "/admin/audit", "/admin/audit/**" };

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    SecurityFilterChain backofficeFilterChain(HttpSecurity http, BrowserProtections browser,
            PageSessionContexts pageSecurityContexts) throws Exception {
        browser.applyTo(http);
        http.securityMatcher(PAGES)
                .securityContext(context -> context.securityContextRepository(pageSecurityContexts))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ADMIN_ONLY).hasRole("ADMIN")
                        .anyRequest().hasAnyRole("STAFF", "ADMIN"))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new SignInAndComeBack()));
        return http.build();
    }

    /** Sends a guest to the storefront's sign-in page with the page asked for as {@code next}. */
    private static final class SignInAndComeBack implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
                throws IOException {
            String back = "GET".equals(request.getMethod()) ? request.getRequestURI() : "/admin";
            response.sendRedirect(request.getContextPath() + "/signin?next="
                    + UriUtils.encodeQueryParam(back, StandardCharsets.UTF_8));
        }
    }
}
