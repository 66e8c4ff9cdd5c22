package com.buildnest.customer;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import com.buildnest.customer.IdentityEvents.PasswordReset;
import com.buildnest.notification.Outbox;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Changing a password: by a signed-in person who knows the current one, or through a mailed,
 * single-use, short-lived reset link. Either way every session of the account ends.
 */
@Service
public class Passwords {

    private final AccountRepository accounts;
    private final PasswordResetTokenRepository resets;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Sessions sessions;
    private final Outbox outbox;
    private final CustomerProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Passwords(AccountRepository accounts, PasswordResetTokenRepository resets, PasswordEncoder encoder,
            PasswordPolicy policy, Sessions sessions, Outbox outbox, CustomerProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.encoder = encoder;
        this.policy = policy;
        this.sessions = sessions;
        this.outbox = outbox;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Mails a reset link if an enabled account has this address. The caller learns nothing either
     * way: the answer is the same.
     */
    @Transactional
    public void requestReset(String email) {
        accounts.findByEmail(Account.normalise(email)).filter(Account::enabled).ifPresent(account -> {
            Instant now = clock.instant();
            resets.cancelAllOf(account.id(), now);
            String token = SecretTokens.generate();
            resets.save(new PasswordResetToken(SecretTokens.hash(token), account.id(), now,
                    now.plus(properties.sessions().passwordResetTtl())));
            String link = UriComponentsBuilder.fromUri(properties.sessions().passwordResetUrl())
                    .queryParam("token", token).build().toUriString();
            outbox.queue(account.email(), "Reset your BuildNest password", """
                    Hello %s,

                    Someone asked to reset the password of your BuildNest account. If it was you,
                    open this link within %d minutes and choose a new password:

                    %s

                    If it was not you, ignore this mail: your password stays as it is.
                    """.formatted(account.username(), properties.sessions().passwordResetTtl().toMinutes(), link));
        });
    }

    /** Sets a new password through a reset link; the link is spent and every session ends. */
    @Transactional
    public void reset(String token, String newPassword) {
        Instant now = clock.instant();
        PasswordResetToken reset = resets.findByTokenHash(SecretTokens.hash(token))
                .filter(candidate -> candidate.usableAt(now))
                .orElseThrow(Passwords::invalidLink);
        Account account = accounts.findById(reset.accountId()).filter(Account::enabled)
                .orElseThrow(Passwords::invalidLink);
        policy.check("newPassword", newPassword, account.username(), account.email());
        if (resets.use(reset.id(), now) != 1) {
            throw invalidLink();
        }
        account.changePasswordHash(encoder.encode(newPassword));
        sessions.endAllOf(account.id(), "password reset");
        events.publishEvent(new PasswordReset(account.id(), now));
    }

    /** A signed-in person changes their password; every session, this one included, ends. */
    @Transactional
    void change(long accountId, String currentPassword, String newPassword) {
        Account account = accounts.findById(accountId).filter(Account::enabled)
                .orElseThrow(() -> BusinessRuleViolation.notFound("customer.account-not-found",
                        "The account of this token does not exist."));
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            throw BusinessRuleViolation.invalidField("customer.wrong-password", "currentPassword",
                    "The current password is not right.");
        }
        policy.check("newPassword", newPassword, account.username(), account.email());
        account.changePasswordHash(encoder.encode(newPassword));
        sessions.endAllOf(accountId, "password changed");
    }

    private static BusinessRuleViolation invalidLink() {
        return BusinessRuleViolation.invalidField("customer.reset-link-invalid", "token",
                "The reset link is not valid any more. Ask for a new one.");
    }
}
