package com.buildnest.customer;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import com.buildnest.platform.PlatformProperties;

/**
 * How access tokens are checked: HS512 only, signed with the {@link SigningKey}, from our issuer,
 * for our audience, unexpired; the {@code roles} claim becomes the caller's authorities.
 */
@Configuration
class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    SigningKey signingKey(CustomerProperties customer, PlatformProperties platform) throws IOException {
        String secret = customer.jwt().secret();
        if (secret != null && !secret.isBlank()) {
            return SigningKey.fromBase64(secret);
        }
        SigningKey key = SigningKey.developmentKey(platform.dataDir().resolve("keys").resolve("jwt-signing-key"));
        log.info("No JWT secret configured: using the development signing key {} kept in {}", key.keyId(),
                platform.dataDir().resolve("keys"));
        return key;
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKey key, CustomerProperties customer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.secret())
                .macAlgorithm(MacAlgorithm.HS512)
                .build();
        String audience = customer.jwt().audience();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(customer.jwt().issuer()),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "The token is not meant for " + audience, null))));
        return decoder;
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
