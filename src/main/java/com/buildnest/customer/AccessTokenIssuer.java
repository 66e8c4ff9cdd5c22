package com.buildnest.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/** Signs access tokens with the current key of the {@link KeyRing}. */
@Component
class AccessTokenIssuer {

    private final KeyRing ring;
    private final CustomerProperties properties;
    private final Clock clock;

    AccessTokenIssuer(KeyRing ring, CustomerProperties properties, Clock clock) {
        this.ring = ring;
        this.properties = properties;
        this.clock = clock;
    }

    /** An access token for the account, with its roles, valid for the configured lifetime. */
    String issueFor(Account account) {
        return issue(account.id(), account.roles());
    }

    String issue(long accountId, Collection<Role> roles) {
        SigningKey key = ring.current();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
        Instant now = clock.instant();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS512).keyId(key.keyId())
                .type(TokenConfiguration.ACCESS_TOKEN_TYPE.getType()).build();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.jwt().issuer())
                .audience(List.of(properties.jwt().audience()))
                .subject(Long.toString(accountId))
                .issuedAt(now)
                .expiresAt(now.plus(properties.jwt().accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    long lifetimeSeconds() {
        return properties.jwt().accessTokenTtl().toSeconds();
    }
}
