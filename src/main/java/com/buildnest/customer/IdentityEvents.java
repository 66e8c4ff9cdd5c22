package com.buildnest.customer;

import java.time.Instant;
import java.util.List;

/**
 * What the identity module tells the rest of BuildNest (the audit log above all). None of these
 * carries a password or an access, refresh or reset token: only ids, key ids and reasons (and, in
 * {@link SignedIn}, the guest cart token the shopper handed over so the cart can be merged).
 */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    /**
     * Someone signed in with a username (or e-mail) and password. {@code guestCartToken} is the
     * {@code X-Cart-Token} they brought, or null; the cart merges that guest cart into theirs.
     */
    public record SignedIn(long accountId, String guestCartToken, Instant at) {
    }

    /** A sign-in was refused. {@code accountId} is null when no account matched. */
    public record SignInFailed(Long accountId, String identifierFingerprint, String reason, Instant at) {
    }

    /** A spent refresh token came back: its whole family was revoked. */
    public record RefreshTokenReused(long accountId, String familyId, Instant at) {
    }

    /** Every session of an account was revoked (password reset, password change, account disabled). */
    public record SessionsRevoked(long accountId, String reason, Instant at) {
    }

    /** An account was created. */
    public record AccountRegistered(long accountId, Instant at) {
    }

    /** An administrator changed an account's roles. */
    public record RolesChanged(long accountId, List<String> before, List<String> after, Long changedBy, Instant at) {
    }

    /** An account was enabled or disabled by staff. */
    public record AccountEnabledChanged(long accountId, boolean enabled, Long changedBy, Instant at) {
    }

    /** A replica started signing with a new key; the old one verifies until its grace ends. */
    public record SigningKeyRotated(String previousKeyId, String currentKeyId, Instant at) {
    }

    /** Emergency revocation: every refresh token and every access token issued before {@code revokedBefore}. */
    public record AllTokensRevoked(Instant revokedBefore, String trustedKeyId, int refreshTokensRevoked,
            Long requestedBy) {
    }

    /** An account was linked to a Google or GitHub identity. */
    public record SocialIdentityLinked(long accountId, String provider, Instant at) {
    }

    /** A password was reset through a mailed link. */
    public record PasswordReset(long accountId, Instant at) {
    }

    /**
     * After an emergency revocation, the customers it signed out were told by mail why they must
     * sign in again. {@code reason} is the operator's note, for the audit log only.
     */
    public record CustomersNotifiedOfEmergency(int customersNotified, String reason, Long requestedBy, Instant at) {
    }
}
