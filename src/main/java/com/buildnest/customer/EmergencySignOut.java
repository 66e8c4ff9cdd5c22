package com.buildnest.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.customer.IdentityEvents.AllTokensRevoked;
import com.buildnest.customer.IdentityEvents.CustomersNotifiedOfEmergency;
import com.buildnest.notification.Outbox;

/**
 * The emergency rotation as customers meet it: every token is revoked (see
 * {@link SigningKeys#revokeEverything}) and everyone who was signed in gets a mail, from the
 * template {@code customer/emergency-sign-out-mail.txt}, saying why they must sign in again. The
 * mails are queued in the same transaction as the revocation, so they go out exactly when it
 * commits.
 */
@Service
class EmergencySignOut {

    static final String SUBJECT = "You have been signed out of BuildNest";
    private static final String TEMPLATE = "customer/emergency-sign-out-mail.txt";
    private static final int BATCH = 500;

    private final SigningKeys signingKeys;
    private final RefreshTokenRepository refreshTokens;
    private final AccountRepository accounts;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String template;

    EmergencySignOut(SigningKeys signingKeys, RefreshTokenRepository refreshTokens, AccountRepository accounts,
            Outbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.signingKeys = signingKeys;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        try {
            this.template = new ClassPathResource(TEMPLATE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new UncheckedIOException("the mail template " + TEMPLATE + " is missing", missing);
        }
    }

    /** What the operator learns: the revocation record and how many customers were written to. */
    record Outcome(Instant revokedBefore, String trustedKeyId, int refreshTokensRevoked, int customersNotified) {
    }

    @Transactional
    Outcome signOutEveryone(long requestedBy, String reason) {
        List<Long> signedIn = refreshTokens.accountsSignedInAt(clock.instant());
        AllTokensRevoked revoked = signingKeys.revokeEverything(requestedBy);
        int notified = 0;
        for (int from = 0; from < signedIn.size(); from += BATCH) {
            for (AccountRepository.Recipient recipient : accounts
                    .findRecipients(signedIn.subList(from, Math.min(from + BATCH, signedIn.size())))) {
                outbox.queue(recipient.getEmail(), SUBJECT, template.replace("{username}", recipient.getUsername()));
                notified++;
            }
        }
        events.publishEvent(new CustomersNotifiedOfEmergency(notified, reason, requestedBy, clock.instant()));
        return new Outcome(revoked.revokedBefore(), revoked.trustedKeyId(), revoked.refreshTokensRevoked(), notified);
    }
}
