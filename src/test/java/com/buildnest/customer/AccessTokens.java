package com.buildnest.customer;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Accounts and access tokens for tests: real rows in the accounts table and tokens signed with
 * the application's own key, plus the forged and spoiled tokens an attacker would try.
 */
@TestComponent
public class AccessTokens {

    /** The password of every account made here. */
    public static final String PASSWORD = "unused password here";

    private final KeyRing ring;
    private final CustomerProperties properties;
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccessTokens(KeyRing ring, CustomerProperties properties, AccountRepository accounts,
            PasswordEncoder passwords, Clock clock) {
        this.ring = ring;
        this.properties = properties;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A new customer account with a unique username; returns its id. */
    public long newCustomer() {
        return newAccount().id();
    }

    /**
     * A new account with a unique username, holding CUSTOMER and {@code roles} (STAFF, ADMIN…), whose
     * password is {@link #PASSWORD}: for tests that sign in through the pages.
     */
    public NewAccount newAccount(Role... roles) {
        String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        EnumSet<Role> held = EnumSet.of(Role.CUSTOMER, roles);
        long id = accounts.save(new Account(name, name + "@example.test", passwords.encode(PASSWORD), held,
                clock.instant())).id();
        return new NewAccount(id, name);
    }

    /** An account {@link #newAccount} made: its id, and the username to sign in with. */
    public record NewAccount(long id, String username) {
    }

    /**
     * A valid token, as the application would issue it now. After an emergency revocation (whose
     * cut-off is rounded up to the next second) it is dated at the cut-off, so it stays valid.
     */
    public String validFor(long accountId, Role... roles) {
        SigningKey key = ring.current();
        Instant issuedAt = clock.instant().isBefore(ring.revokedBefore()) ? ring.revokedBefore() : clock.instant();
        return sign(key.secret(), key.keyId(), accountId, properties.jwt().audience(), issuedAt,
                Duration.ofMinutes(15), roles);
    }

    public String expiredFor(long accountId, Role... roles) {
        SigningKey key = ring.current();
        return sign(key.secret(), key.keyId(), accountId, properties.jwt().audience(),
                clock.instant().minus(Duration.ofHours(1)), Duration.ofMinutes(15), roles);
    }

    public String forOtherAudience(long accountId, Role... roles) {
        SigningKey key = ring.current();
        return sign(key.secret(), key.keyId(), accountId, "somebody-else", clock.instant(), Duration.ofMinutes(15),
                roles);
    }

    public String signedWithForeignKey(long accountId, Role... roles) {
        byte[] foreign = new byte[64];
        new SecureRandom().nextBytes(foreign);
        return sign(new SecretKeySpec(foreign, SigningKey.ALGORITHM), ring.current().keyId(), accountId,
                properties.jwt().audience(), clock.instant(), Duration.ofMinutes(15), roles);
    }

    /** A valid token's claims, signed with the right secret but HS256, an algorithm we never use. */
    public String signedWithHs256(long accountId) throws Exception {
        return resigned(accountId, JWSAlgorithm.HS256, "at+jwt", ring.current().keyId());
    }

    /** A valid token's claims and key, but declaring itself an ordinary JWT rather than an access token. */
    public String ofWrongType(long accountId) throws Exception {
        return resigned(accountId, JWSAlgorithm.HS512, "JWT", ring.current().keyId());
    }

    /** A valid token's claims signed with the right secret but naming a key we do not have. */
    public String withUnknownKeyId(long accountId) throws Exception {
        return resigned(accountId, JWSAlgorithm.HS512, "at+jwt", "0000000000000000");
    }

    /** A valid token with its payload altered after signing (roles raised to ADMIN). */
    public String tamperedFor(long accountId) {
        String[] parts = validFor(accountId, Role.CUSTOMER).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CUSTOMER\"", "\"ADMIN\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private String resigned(long accountId, JWSAlgorithm algorithm, String type, String keyId) throws Exception {
        SignedJWT valid = SignedJWT.parse(validFor(accountId, Role.CUSTOMER));
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(algorithm).type(new JOSEObjectType(type))
                .keyID(keyId).build(), valid.getJWTClaimsSet());
        forged.sign(new MACSigner(ring.current().secret().getEncoded()));
        return forged.serialize();
    }

    /** The valid token's claims with {@code alg: none} and no signature. */
    public String unsignedFor(long accountId) {
        String[] parts = validFor(accountId, Role.CUSTOMER).split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    private String sign(SecretKey secret, String keyId, long accountId, String audience, Instant issuedAt,
            Duration lifetime, Role... roles) {
        OctetSequenceKey jwk = new OctetSequenceKey.Builder(secret).keyID(keyId).algorithm(JWSAlgorithm.HS512).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS512).keyId(keyId).type("at+jwt").build();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.jwt().issuer())
                .audience(List.of(audience))
                .subject(Long.toString(accountId))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .claim("roles", EnumSet.copyOf(List.of(roles.length == 0 ? new Role[] { Role.CUSTOMER } : roles))
                        .stream().map(Role::name).toList())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
