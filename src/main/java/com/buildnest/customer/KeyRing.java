package com.buildnest.customer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of this replica: one current key that signs new access tokens, and the keys it
 * replaced, which still verify tokens for {@code rotationGrace} after they were replaced. An
 * emergency revocation drops every replaced key at once, refuses every token issued before it,
 * and condemns the current key if it is not the one the revocation trusts, so that it is dropped
 * rather than kept in grace when the new secret arrives.
 */
final class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    /** What changed at a reload, for the audit log. */
    record Rotation(String previousKeyId, String currentKeyId) {
    }

    private record Retired(SigningKey key, Instant retiredAt) {
    }

    private final SigningKeySource source;
    private final Clock clock;
    private final Duration grace;

    private SigningKey current;
    private final List<Retired> retired = new ArrayList<>();
    private Instant revokedBefore = Instant.EPOCH;
    private String condemnedKeyId;

    KeyRing(SigningKeySource source, Clock clock, Duration grace) throws IOException {
        this.source = source;
        this.clock = clock;
        this.grace = grace;
        this.current = source.read();
    }

    synchronized SigningKey current() {
        return current;
    }

    /** The key that verifies a token naming {@code keyId}: the current one or one still in its grace. */
    synchronized Optional<SigningKey> verificationKey(String keyId) {
        if (current.keyId().equals(keyId)) {
            return Optional.of(current);
        }
        Instant now = clock.instant();
        return retired.stream()
                .filter(r -> r.key().keyId().equals(keyId) && now.isBefore(r.retiredAt().plus(grace)))
                .map(Retired::key)
                .findFirst();
    }

    /** Tokens issued before this instant are refused, whatever key signed them. */
    synchronized Instant revokedBefore() {
        return revokedBefore;
    }

    /** Re-reads the secret; a different one becomes current and the old one enters its grace. */
    synchronized Optional<Rotation> reload() throws IOException {
        SigningKey latest = source.read();
        Instant now = clock.instant();
        retired.removeIf(r -> !now.isBefore(r.retiredAt().plus(grace)));
        if (latest.keyId().equals(current.keyId())) {
            return Optional.empty();
        }
        SigningKey replaced = current;
        current = latest;
        if (replaced.keyId().equals(condemnedKeyId)) {
            log.warn("Signing key {} replaced by {}; the old key was revoked and is dropped at once",
                    replaced.keyId(), latest.keyId());
        } else {
            retired.add(new Retired(replaced, now));
            log.info("Signing key {} replaced by {}; tokens signed with {} stay valid for {}", replaced.keyId(),
                    latest.keyId(), replaced.keyId(), grace);
        }
        retired.removeIf(r -> r.key().keyId().equals(latest.keyId()));
        return Optional.of(new Rotation(replaced.keyId(), latest.keyId()));
    }

    /**
     * Applies an emergency revocation: refuses tokens issued before {@code before}, drops every
     * replaced key, and condemns the current key unless it is {@code trustedKeyId}.
     * @return whether anything changed on this replica
     */
    synchronized boolean revoke(Instant before, String trustedKeyId) {
        if (!before.isAfter(revokedBefore)) {
            return false;
        }
        revokedBefore = before;
        retired.clear();
        condemnedKeyId = current.keyId().equals(trustedKeyId) ? null : current.keyId();
        log.warn("Emergency revocation applied: tokens issued before {} are refused, replaced keys dropped{}", before,
                condemnedKeyId == null ? "" : ", current key " + condemnedKeyId + " condemned");
        return true;
    }

    String describeSource() {
        return source.describe();
    }
}
