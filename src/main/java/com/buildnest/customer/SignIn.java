package com.buildnest.customer;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.customer.IdentityEvents.SignInFailed;
import com.buildnest.customer.IdentityEvents.SignedIn;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Signing in by username or e-mail. Costs one password hash whatever happens (an unknown account
 * is checked against a decoy hash, so timing reveals nothing) and, when it succeeds, two SQL
 * statements: the account with its roles, and the new refresh token.
 */
@Service
public class SignIn {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String decoyHash;

    SignIn(AccountRepository accounts, PasswordEncoder passwords, Sessions sessions, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.decoyHash = passwords.encode("no account has this password " + System.nanoTime());
    }

    /**
     * A new session for the account, announced as {@link SignedIn} with the guest cart token the
     * caller brought (null for none), so the cart can merge it once this transaction commits.
     */
    @Transactional(noRollbackFor = BusinessRuleViolation.class)
    TokenPair signIn(String identifier, String password, String guestCartToken) {
        Account account = verified(identifier, password);
        TokenPair session = sessions.start(account);
        events.publishEvent(new SignedIn(account.id(), guestCartToken, clock.instant()));
        return session;
    }

    /**
     * The same check for a browser session kept by the server (the storefront's pages): refused
     * exactly as {@link #signIn} refuses, announced as {@link SignedIn} with the guest cart token
     * so the cart merges, but no tokens are issued (the page session is the credential).
     */
    @Transactional(noRollbackFor = BusinessRuleViolation.class)
    public SignedInAccount signInToPage(String identifier, String password, String guestCartToken) {
        Account account = verified(identifier, password);
        events.publishEvent(new SignedIn(account.id(), guestCartToken, clock.instant()));
        return new SignedInAccount(account.id(), account.username(),
                account.roles().stream().map(Role::name).sorted().toList());
    }

    /** Who signed in to a page session, with role names such as {@code CUSTOMER}. */
    public record SignedInAccount(long accountId, String username, java.util.List<String> roles) {
    }

    private Account verified(String identifier, String password) {
        String normalised = Account.normalise(identifier);
        Account account = accounts.findForSignIn(normalised).orElse(null);
        if (account == null) {
            passwords.matches(password, decoyHash);
            throw refused(null, normalised, "unknown account");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            throw refused(account.id(), normalised, "wrong password");
        }
        if (!account.enabled()) {
            throw refused(account.id(), normalised, "account disabled");
        }
        if (passwords.upgradeEncoding(account.passwordHash())) {
            account.changePasswordHash(passwords.encode(password));
        }
        return account;
    }

    private BusinessRuleViolation refused(Long accountId, String identifier, String reason) {
        events.publishEvent(new SignInFailed(accountId, SecretTokens.hash(identifier).substring(0, 16), reason,
                clock.instant()));
        return BusinessRuleViolation.unauthenticated("auth.invalid-credentials",
                "The username or password is not right.");
    }
}
