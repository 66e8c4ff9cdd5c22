package com.buildnest.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.customer.IdentityEvents.RefreshTokenReused;
import com.buildnest.customer.IdentityEvents.SessionsRevoked;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Sign-in sessions as families of refresh tokens. A refresh spends the presented token and
 * issues its successor; a spent token presented again revokes its whole family, because one of
 * the two holders is not the customer.
 */
@Service
class Sessions {

    private final RefreshTokenRepository tokens;
    private final AccountRepository accounts;
    private final AccessTokenIssuer accessTokens;
    private final CustomerProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sessions(RefreshTokenRepository tokens, AccountRepository accounts, AccessTokenIssuer accessTokens,
            CustomerProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A new session (a new token family) for an account that has just proved who it is. */
    @Transactional
    TokenPair start(Account account) {
        return issue(account, UUID.randomUUID().toString());
    }

    /** Spends a refresh token and returns a new pair in the same family. */
    @Transactional(noRollbackFor = BusinessRuleViolation.class)
    TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken presented = tokens.findByTokenHash(SecretTokens.hash(refreshToken))
                .orElseThrow(Sessions::invalid);
        if (presented.spentOrRevoked() || tokens.spend(presented.id(), now) == 0) {
            if (tokens.revokeFamily(presented.familyId(), now) > 0) {
                events.publishEvent(new RefreshTokenReused(presented.accountId(), presented.familyId(), now));
            }
            throw invalid();
        }
        if (presented.expiredAt(now)) {
            throw invalid();
        }
        Account account = accounts.findById(presented.accountId()).filter(Account::enabled)
                .orElseThrow(Sessions::invalid);
        return issue(account, presented.familyId());
    }

    /** Ends the session the token belongs to. Unknown or already-ended tokens are not an error. */
    @Transactional
    void end(String refreshToken) {
        tokens.findByTokenHash(SecretTokens.hash(refreshToken))
                .ifPresent(token -> tokens.revokeFamily(token.familyId(), clock.instant()));
    }

    /** Ends every session of an account (password reset or change, account disabled). */
    @Transactional
    void endAllOf(long accountId, String reason) {
        Instant now = clock.instant();
        tokens.revokeAllOf(accountId, now);
        events.publishEvent(new SessionsRevoked(accountId, reason, now));
    }

    private TokenPair issue(Account account, String familyId) {
        Instant now = clock.instant();
        String refreshToken = SecretTokens.generate();
        tokens.save(new RefreshToken(SecretTokens.hash(refreshToken), familyId, account.id(), now,
                now.plus(properties.sessions().refreshTokenTtl())));
        return TokenPair.bearer(accessTokens.issueFor(account), refreshToken, accessTokens.lifetimeSeconds());
    }

    private static BusinessRuleViolation invalid() {
        return BusinessRuleViolation.unauthenticated("auth.invalid-refresh-token",
                "The refresh token is not valid. Sign in again.");
    }
}
