package com.buildnest.customer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.customer.IdentityEvents.AccountRegistered;
import com.buildnest.customer.IdentityEvents.SignedIn;
import com.buildnest.customer.IdentityEvents.SocialIdentityLinked;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Signing in with Google or GitHub. A known identity signs in to its account; a new one is linked
 * to the account with the same verified e-mail address, or gets a new customer account (with a
 * random password the person can replace through a reset). Either way it ends with the same token
 * pair as a password sign-in. An e-mail the provider has not verified is never trusted.
 */
@Service
class SocialSignIn {

    /** What the provider told us about the person. */
    record SocialProfile(String provider, String subject, String email, boolean emailVerified, String name,
            String preferredUsername) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SocialIdentityRepository identities;
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SocialSignIn(SocialIdentityRepository identities, AccountRepository accounts, PasswordEncoder passwords,
            Sessions sessions, ApplicationEventPublisher events, Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    TokenPair complete(SocialProfile profile) {
        return sessions.start(account(profile));
    }

    /**
     * The same sign-in ending in a page session of the shop ({@link PageSessions}): the account is
     * found, linked or created exactly as for {@link #complete}, announced as {@link SignedIn} with
     * the browser's guest cart token so the cart merges, and no tokens are issued.
     */
    @Transactional
    SignedInAccount completeForPage(SocialProfile profile, String guestCartToken) {
        Account account = account(profile);
        Instant now = clock.instant();
        events.publishEvent(new SignedIn(account.id(), guestCartToken, now));
        return SignIn.signedIn(account, now);
    }

    private Account account(SocialProfile profile) {
        Account account = identities.findByProviderAndSubject(profile.provider(), profile.subject())
                .flatMap(identity -> accounts.findById(identity.accountId()))
                .orElseGet(() -> link(profile));
        if (!account.enabled()) {
            throw BusinessRuleViolation.unauthenticated("auth.account-disabled", "This account is disabled.");
        }
        return account;
    }

    private Account link(SocialProfile profile) {
        if (profile.email() == null || !profile.emailVerified()) {
            throw BusinessRuleViolation.unauthenticated("auth.social-email-unverified",
                    "Your " + profile.provider() + " account has no verified e-mail address to sign in with.");
        }
        String email = Account.normalise(profile.email());
        Account account = accounts.findByEmail(email).orElseGet(() -> create(profile, email));
        identities.save(new SocialIdentity(profile.provider(), profile.subject(), account.id(), clock.instant()));
        events.publishEvent(new SocialIdentityLinked(account.id(), profile.provider(), clock.instant()));
        return account;
    }

    private Account create(SocialProfile profile, String email) {
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        Account account = new Account(freeUsername(profile, email),
                email, passwords.encode(HexFormat.of().formatHex(unusable)), EnumSet.of(Role.CUSTOMER),
                clock.instant());
        account.changeContactDetails(profile.name() == null || profile.name().length() > 120 ? null : profile.name(),
                null);
        accounts.saveAndFlush(account);
        events.publishEvent(new AccountRegistered(account.id(), clock.instant()));
        return account;
    }

    /** The provider's user name or the e-mail's local part, made safe and unique. */
    private String freeUsername(SocialProfile profile, String email) {
        String wanted = profile.preferredUsername() != null ? profile.preferredUsername() : email.split("@", 2)[0];
        String base = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        if (base.length() < 3) {
            base = (base + "customer").substring(0, Math.max(3, base.length()));
        }
        base = base.length() > 40 ? base.substring(0, 40) : base;
        String candidate = base;
        while (accounts.existsByUsername(candidate)) {
            candidate = base + "-" + (1000 + RANDOM.nextInt(9000));
        }
        return candidate;
    }
}
