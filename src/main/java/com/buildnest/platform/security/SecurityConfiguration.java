package com.buildnest.platform.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerMapping;

import com.buildnest.platform.web.ProblemResponseWriter;

/**
 * Who may call what. The API is stateless: callers authenticate with a bearer JWT, nothing is
 * kept in a server session, so CSRF protection (which guards cookie sessions) does not apply.
 * Public reads of the catalogue and its product images, the cart (guests have one), the sign-in
 * endpoints, health probes and the API documentation need no token; everything else that a
 * controller serves does.
 *
 * <p>Every response carries the browser protections of {@code docs/runbooks/tls.md}: a strict
 * Content-Security-Policy (same-origin scripts only, never inline; the storefront is server-rendered
 * with htmx from WebJars on the same origin), HSTS over HTTPS, and no sniffing, framing or referrer
 * leaks. In {@code prod} plain HTTP from outside is redirected to HTTPS ({@link PlainHttpFromOutside}).
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(TransportSecurityProperties.class)
class SecurityConfiguration {

    /** One year, as browsers' HSTS preload lists require at the least. */
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    /**
     * Same-origin everything, no inline or evaluated script, no plugins, never framed. Images may
     * also be {@code data:} URIs (small icons). A page that needs more (Razorpay Checkout's script
     * and frame, say) widens this policy here, in review, rather than by a per-page exception.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * A page that opens Razorpay Checkout ({@link BrowserProtections#allowRazorpayCheckout}): the strict
     * policy plus Razorpay's hosts only, as Razorpay's own plugins list them: its script (and the
     * scripts and images it loads from its CDN), its payment frame, and its telemetry.
     */
    static final String RAZORPAY_CHECKOUT_CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' https://checkout.razorpay.com https://cdn.razorpay.com; style-src 'self'; "
            + "img-src 'self' data: https://cdn.razorpay.com; font-src 'self'; "
            + "connect-src 'self' https://lumberjack.razorpay.com https://lumberjack-metrics.razorpay.com; "
            + "frame-src https://api.razorpay.com; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Swagger UI (off in {@code prod}) renders with inline style attributes and data: images; its
     * scripts are still same-origin files only.
     */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** No powerful browser feature is used by the shop; payment request only by its own pages. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(self), usb=()";

    /**
     * No observations of Spring Security's own steps (each filter, authentication, authorization):
     * {@code http.server.requests} already times every request, and wrapping each filter of every
     * request cost several per cent of a catalogue read and of a purchase (docs/adr/0009).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponseWriter problems,
            java.util.List<HandlerMapping> handlerMappings, BrowserProtections browser) throws Exception {
        browser.applyTo(http);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/livez", "/readyz", "/error")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/auth/**").permitAll()
                        // Guests shop too: their cart is found by its X-Cart-Token, a customer's by the token's account.
                        .requestMatchers("/api/cart", "/api/cart/**").permitAll()
                        // Razorpay authenticates its webhooks by an HMAC of the body, checked by the payment module.
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/razorpay").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/categories", "/api/categories/**", "/api/products",
                                "/api/products/**", "/images/**")
                        .permitAll()
                        // Administrator-only areas are refused before a body is even read.
                        .requestMatchers(HttpMethod.PUT, "/api/admin/customers/*/roles").hasRole("ADMIN")
                        .requestMatchers("/api/admin/security/**", "/api/admin/audit", "/api/admin/audit/**")
                        .hasRole("ADMIN")
                        // Partner webhooks name outside systems and send traffic to them: administrators only.
                        .requestMatchers("/api/admin/webhooks", "/api/admin/webhooks/**").hasRole("ADMIN")
                        .requestMatchers("/api/admin/**").hasAnyRole("STAFF", "ADMIN")
                        .anyRequest().access(new AuthenticatedUnlessUnrouted(handlerMappings)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(withDefaults())
                        .authenticationEntryPoint((request, response, failure) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "auth.unauthenticated",
                                "A valid bearer token is required.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.unauthenticated",
                                    "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "auth.forbidden", "Your role does not allow this.")));
        return http.build();
    }
}
