package com.buildnest.customer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

import com.buildnest.customer.SocialSignIn.SocialProfile;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Sign-in with Google (OpenID Connect) or GitHub (OAuth 2), through Spring Security's OAuth2
 * client. Active only for the providers configured under
 * {@code spring.security.oauth2.client.registration.*}; without any, these paths answer 404. The
 * short redirect dance keeps its state in a signed cookie, not a session, so the provider's
 * callback may reach any replica; it ends by sending the browser on with the same token pair a
 * password sign-in returns. A sign-in started from the shop's pages ({@link PageSessions}) ends in
 * the page session instead.
 */
@Configuration
class SocialLoginConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SocialLoginConfiguration.class);
    static final String VERIFIED_EMAIL = "buildnest_verified_email";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain socialLogin(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
            SocialSignIn signIn, CustomerProperties properties, KeyRing ring, ObjectProvider<PageSessions> pageSessions)
            throws Exception {
        http.securityMatcher("/oauth2/**", "/login/oauth2/**")
                .csrf(csrf -> csrf.disable()) // the OAuth2 state parameter protects the callback
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        ClientRegistrationRepository clients = registrations.getIfAvailable();
        if (clients != null) {
            String redirect = properties.social().redirectUri().toString();
            http.oauth2Login(login -> login
                    .authorizationEndpoint(endpoint -> endpoint
                            .authorizationRequestResolver(unknownProvidersNotFound(clients))
                            .authorizationRequestRepository(new SignedCookieAuthorizationRequests(ring)))
                    .userInfoEndpoint(userInfo -> userInfo.userService(withGitHubEmail(RestClient.create(), properties)))
                    .successHandler((request, response, authentication) -> {
                        PageSessions pages = pageSessions.getIfAvailable();
                        Optional<String> page = pages == null ? Optional.empty()
                                : pages.socialSignInStartedFrom(request);
                        if (page.isPresent()) {
                            try {
                                pages.signIn(signIn.completeForPage(profileOf(authentication),
                                        pages.guestCartToken(request)), request, response);
                                finish(request, response, page.get());
                            } catch (BusinessRuleViolation refused) {
                                finish(request, response, pages.refusedPage(refused.code()));
                            }
                            return;
                        }
                        try {
                            TokenPair tokens = signIn.complete(profileOf(authentication));
                            finish(request, response, redirect + "#access_token=" + tokens.accessToken()
                                    + "&refresh_token=" + tokens.refreshToken() + "&token_type=Bearer&expires_in="
                                    + tokens.expiresIn());
                        } catch (BusinessRuleViolation refused) {
                            finish(request, response, redirect + "#error=" + encode(refused.code()));
                        }
                    })
                    .failureHandler((request, response, failure) -> {
                        log.info("Social sign-in failed: {}", failure.getMessage());
                        PageSessions pages = pageSessions.getIfAvailable();
                        if (pages != null && pages.socialSignInStartedFrom(request).isPresent()) {
                            finish(request, response, pages.refusedPage("auth.social-sign-in-failed"));
                            return;
                        }
                        finish(request, response, redirect + "#error=auth.social-sign-in-failed");
                    }));
        }
        return http.build();
    }

    /** A provider that is not configured is a path nothing serves (404), not a server error. */
    private static OAuth2AuthorizationRequestResolver unknownProvidersNotFound(ClientRegistrationRepository clients) {
        DefaultOAuth2AuthorizationRequestResolver standard = new DefaultOAuth2AuthorizationRequestResolver(clients,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                try {
                    return standard.resolve(request);
                } catch (IllegalArgumentException unknownProvider) {
                    return null;
                }
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                try {
                    return standard.resolve(request, registrationId);
                } catch (IllegalArgumentException unknownProvider) {
                    return null;
                }
            }
        };
    }

    private static void finish(HttpServletRequest request, HttpServletResponse response, String location)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(location);
    }

    static SocialProfile profileOf(Authentication authentication) {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        String provider = token.getAuthorizedClientRegistrationId();
        if (token.getPrincipal() instanceof OidcUser oidc) {
            return new SocialProfile(provider, oidc.getSubject(), oidc.getEmail(),
                    Boolean.TRUE.equals(oidc.getEmailVerified()), oidc.getFullName(), null);
        }
        OAuth2User user = token.getPrincipal();
        Object verified = user.getAttribute(VERIFIED_EMAIL);
        return new SocialProfile(provider, String.valueOf(user.getAttributes().get("id")),
                verified == null ? null : verified.toString(), verified != null, user.getAttribute("name"),
                user.getAttribute("login"));
    }

    /** GitHub's profile may hide the address; its e-mail list says which one is primary and verified. */
    private static OAuth2UserService<OAuth2UserRequest, OAuth2User> withGitHubEmail(RestClient http,
            CustomerProperties properties) {
        DefaultOAuth2UserService standard = new DefaultOAuth2UserService();
        return request -> {
            OAuth2User user = standard.loadUser(request);
            if (!"github".equals(request.getClientRegistration().getRegistrationId())) {
                return user;
            }
            List<Map<String, Object>> emails = http.get().uri(properties.social().githubEmailsUri())
                    .header("Authorization", "Bearer " + request.getAccessToken().getTokenValue())
                    .header("Accept", "application/vnd.github+json")
                    .retrieve().body(new ParameterizedTypeReference<>() {
                    });
            Map<String, Object> attributes = new HashMap<>(user.getAttributes());
            if (emails != null) {
                emails.stream()
                        .filter(e -> Boolean.TRUE.equals(e.get("primary")) && Boolean.TRUE.equals(e.get("verified")))
                        .findFirst()
                        .ifPresent(e -> attributes.put(VERIFIED_EMAIL, e.get("email")));
            }
            String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                    .getUserNameAttributeName();
            return new DefaultOAuth2User(user.getAuthorities(), attributes, nameAttribute);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
