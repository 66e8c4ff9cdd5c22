package com.buildnest.platform.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.PortMapper;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The browser protections every filter chain applies, the API's and the storefront pages' alike
 * ({@code docs/runbooks/tls.md}): the strict Content-Security-Policy, HSTS, no sniffing, framing
 * or referrer leaks, the permissions policy, and in {@code prod} the redirect of plain HTTP from
 * outside to HTTPS ({@link PlainHttpFromOutside}).
 */
@Component
public class BrowserProtections {

    /** Redirects go to the standard HTTPS port, where the ingress (or the app's own TLS port) listens. */
    private static final PortMapper STANDARD_HTTPS_PORT = new PortMapper() {
        @Override
        public Integer lookupHttpPort(Integer httpsPort) {
            return 80;
        }

        @Override
        public Integer lookupHttpsPort(Integer httpPort) {
            return 443;
        }
    };

    private static final String RAZORPAY_CHECKOUT = BrowserProtections.class.getName() + ".razorpayCheckout";

    private final TransportSecurityProperties transport;
    private final Environment environment;

    BrowserProtections(TransportSecurityProperties transport, Environment environment) {
        this.transport = transport;
        this.environment = environment;
    }

    /**
     * Lets this one response load Razorpay Checkout: its Content-Security-Policy adds Razorpay's
     * hosts and nothing else ({@code SecurityConfiguration.RAZORPAY_CHECKOUT_CONTENT_SECURITY_POLICY}).
     * For a page controller that renders the checkout; every other response keeps the strict policy.
     */
    public static void allowRazorpayCheckout(HttpServletRequest request) {
        request.setAttribute(RAZORPAY_CHECKOUT, Boolean.TRUE);
    }

    /** Adds the protections to a chain being built. */
    public void applyTo(HttpSecurity http) throws Exception {
        if (transport.redirect()) {
            http.portMapper(ports -> ports.portMapper(STANDARD_HTTPS_PORT))
                    .redirectToHttps(https -> https.requestMatchers(new PlainHttpFromOutside(environment)));
        }
        RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        // Headers are written when the response commits, after the controller has said what the page opens.
        RequestMatcher razorpayCheckout = request -> request.getAttribute(RAZORPAY_CHECKOUT) != null;
        RequestMatcher strict = new NegatedRequestMatcher(new OrRequestMatcher(swaggerUi, razorpayCheckout));
        http.headers(headers -> headers
                .httpStrictTransportSecurity(hsts -> hsts
                        .maxAgeInSeconds(SecurityConfiguration.HSTS_MAX_AGE_SECONDS).includeSubDomains(true))
                .contentTypeOptions(withDefaults())
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(SecurityConfiguration.PERMISSIONS_POLICY))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(strict,
                        new ContentSecurityPolicyHeaderWriter(SecurityConfiguration.CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(razorpayCheckout,
                        new ContentSecurityPolicyHeaderWriter(
                                SecurityConfiguration.RAZORPAY_CHECKOUT_CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new ContentSecurityPolicyHeaderWriter(SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY))));
    }
}
