package com.buildnest.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.customer.IdentityEvents.AllTokensRevoked;
import com.buildnest.customer.IdentityEvents.SigningKeyRotated;

/**
 * Keeps this replica's {@link KeyRing} in step with the world: re-reads the signing secret (a
 * replaced Kubernetes Secret rotates the key without a restart) and applies emergency revocations
 * recorded by any replica, both every {@code buildnest.customer.jwt.reload-interval}.
 */
@Service
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final KeyRing ring;
    private final TokenRevocationRepository revocations;
    private final RefreshTokenRepository refreshTokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SigningKeys(KeyRing ring, TokenRevocationRepository revocations, RefreshTokenRepository refreshTokens,
            ApplicationEventPublisher events, Clock clock) {
        this.ring = ring;
        this.revocations = revocations;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buildnest.customer.jwt.reload-interval:30s}",
            initialDelayString = "${buildnest.customer.jwt.reload-interval:30s}")
    void keepInStep() {
        try {
            reload();
            revocations.findFirstByOrderByIdDesc()
                    .ifPresent(revocation -> ring.revoke(revocation.revokedBefore(), revocation.trustedKeyId()));
        } catch (RuntimeException | IOException failure) {
            // The ring keeps its keys; the next round tries again.
            log.warn("Could not refresh the signing keys: {}", failure.getMessage());
        }
    }

    /** Re-reads the signing secret now; a new secret becomes current and the old one enters its grace. */
    @Transactional
    public void reload() throws IOException {
        ring.reload().ifPresent(rotation -> events.publishEvent(
                new SigningKeyRotated(rotation.previousKeyId(), rotation.currentKeyId(), clock.instant())));
    }

    /**
     * The emergency brake, after a signing secret or tokens may have leaked: picks up a replaced
     * secret, refuses every access token issued until now (on every replica within one reload
     * interval), drops every replaced key, and revokes every refresh token.
     */
    @Transactional
    AllTokensRevoked revokeEverything(Long requestedBy) {
        try {
            reload();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the signing secret", unreadable);
        }
        Instant now = clock.instant();
        // JWT times are whole seconds: revoke up to the next second so nothing issued before now survives.
        Instant revokedBefore = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String trusted = ring.current().keyId();
        revocations.save(new TokenRevocation(revokedBefore, trusted, requestedBy, now));
        int refreshTokensRevoked = refreshTokens.revokeEverything(now);
        ring.revoke(revokedBefore, trusted);
        AllTokensRevoked revoked = new AllTokensRevoked(revokedBefore, trusted, refreshTokensRevoked, requestedBy);
        events.publishEvent(revoked);
        return revoked;
    }

    String currentKeyId() {
        return ring.current().keyId();
    }
}
