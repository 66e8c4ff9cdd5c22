package com.buildnest.platform.security;

import static org.springframework.security.config.Customizer.withDefaults;

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
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

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
            java.util.List<HandlerMapping> handlerMappings) throws Exception {
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
