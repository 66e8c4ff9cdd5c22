package com.buildnest.customer;

import java.io.IOException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import com.buildnest.platform.PlatformProperties;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * How access tokens are checked: an {@code at+jwt} signed with HS512 (no other algorithm), by a
 * key of the {@link KeyRing} named in its {@code kid}, from our issuer, for our audience,
 * unexpired and not issued before an emergency revocation. The {@code roles} claim becomes the
 * caller's authorities.
 */
@Configuration
class TokenConfiguration {

    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    KeyRing keyRing(CustomerProperties customer, PlatformProperties platform, Clock clock) throws IOException {
        CustomerProperties.Jwt jwt = customer.jwt();
        SigningKeySource source = new SigningKeySource(jwt.secretFile(), jwt.secret(),
                platform.dataDir().resolve("keys").resolve("jwt-signing-key"));
        KeyRing ring = new KeyRing(source, clock, jwt.rotationGrace());
        log.info("Access tokens are signed with key {} from {}", ring.current().keyId(), ring.describeSource());
        return ring;
    }

    @Bean
    JwtDecoder jwtDecoder(KeyRing ring, CustomerProperties customer, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector((header, context) -> keysFor(ring, header));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN_TYPE));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // Claims are checked by the validators below, with BuildNest's clock.
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        // The issuer stays the string it is: by default Spring turns it into a URL, and ours is
        // not one ("buildnest"), so every request paid for an exception thrown and caught.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(timestamps,
                new JwtIssuerValidator(customer.jwt().issuer()),
                audience(customer.jwt().audience()),
                notRevoked(ring))));
        return decoder;
    }

    /**
     * The ring's secret for the token's {@code kid}, handed to Nimbus as it is: no JSON Web Key is
     * built and decoded again for every request. Only HS512 is accepted; a token of another
     * algorithm, or without a kid of ours, finds no key and is refused.
     */
    private static List<Key> keysFor(KeyRing ring, JWSHeader header) {
        if (!JWSAlgorithm.HS512.equals(header.getAlgorithm()) || header.getKeyID() == null) {
            return List.of();
        }
        return ring.verificationKey(header.getKeyID()).<Key>map(SigningKey::secret).map(List::of).orElse(List.of());
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(invalid("The token is not meant for " + audience));
    }

    private static OAuth2TokenValidator<Jwt> notRevoked(KeyRing ring) {
        return jwt -> {
            Instant issuedAt = jwt.getIssuedAt();
            return issuedAt != null && !issuedAt.isBefore(ring.revokedBefore())
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(invalid("The token was revoked"));
        };
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error("invalid_token", description, null);
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
