package com.buildnest.storefront;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import com.buildnest.customer.PageSessionContexts;
import com.buildnest.platform.security.BrowserProtections;

/**
 * The security of the storefront's pages, a filter chain of its own ahead of the API's. It serves
 * only the page paths below; everything else ({@code /api/**}, actuator, API docs, images, an
 * unknown path) falls through to the API chain, which stays stateless with bearer tokens.
 *
 * <p>A page session is a server session behind an HttpOnly, SameSite=Lax cookie (Secure in
 * {@code prod}; {@code server.servlet.session.cookie}), checked on every request by the customer
 * module ({@link PageSessionContexts}: a password changed elsewhere ends it). Signing in is a form
 * posted to {@link AccountController}, checked by the customer module's own {@code SignIn} and
 * throttled as the API's login is; the session id changes at sign-in. Every state-changing request needs the
 * CSRF token: Thymeleaf puts it in each form, htmx sends it as a header ({@code layout.html}).
 */
@Configuration
class PageSecurity {

    /** The page paths; kept in step with the controllers of this package. */
    static final String[] PAGES = { "/", "/search", "/categories/**", "/products/**", "/cart", "/cart/**",
            "/signin", "/signin/social/*", "/signup", "/signout", "/password/**", "/reset-password", "/account", "/account/**",
            "/checkout", "/checkout/**", "/orders", "/orders/**", "/pay/**", "/css/**", "/js/**", "/webjars/**",
            "/favicon.ico" };

    /** Pages only a signed-in shopper sees; a guest is sent to sign in and comes back. */
    static final String[] SIGNED_IN = { "/account", "/account/**", "/checkout", "/checkout/**", "/orders",
            "/orders/**", "/pay/**" };

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain pageFilterChain(HttpSecurity http, BrowserProtections browser,
            PageSessionContexts pageSecurityContexts) throws Exception {
        browser.applyTo(http);
        http.securityMatcher(PAGES)
                .securityContext(context -> context.securityContextRepository(pageSecurityContexts))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> { })
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGNED_IN).authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedOut")
                        .deleteCookies("BUILDNEST_SESSION"));
        return http.build();
    }
}
