package com.buildnest.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

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
    private final KeyRing ring;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String decoyHash;

    SignIn(AccountRepository accounts, PasswordEncoder passwords, Sessions sessions, KeyRing ring,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.ring = ring;
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
        return signedIn(account, clock.instant());
    }

    /**
     * Whether a page session's sign-in still holds: the account exists and is enabled, its password
     * and roles are those it signed in with, and no emergency revocation came after the sign-in. A
     * password changed or reset elsewhere, a disabled account or changed roles end every page
     * session, as they end the API's refresh tokens. One read of the account by its key.
     */
    @Transactional(readOnly = true)
    public boolean stillHolds(SignedInAccount session) {
        if (session.signedInAt().isBefore(ring.revokedBefore())) {
            return false;
        }
        return accounts.findById(session.accountId())
                .filter(Account::enabled)
                .map(account -> credentialStamp(account).equals(session.credentialStamp()))
                .orElse(false);
    }

    /** A page session's sign-in of the account, at {@code at}: by password here, or socially. */
    static SignedInAccount signedIn(Account account, Instant at) {
        return new SignedInAccount(account.id(), account.username(),
                account.roles().stream().map(Role::name).sorted().toList(), at, credentialStamp(account));
    }

    /**
     * What a page session must still match: a digest of the password hash and the roles (never the
     * hash itself, which stays in the database).
     */
    private static String credentialStamp(Account account) {
        String roles = account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        return SecretTokens.hash(account.passwordHash() + "|" + roles);
    }

    /**
     * Who signed in to a page session, with role names such as {@code CUSTOMER}, when, and the
     * stamp {@link #stillHolds} compares with the account as it is now.
     */
    public record SignedInAccount(long accountId, String username, List<String> roles, Instant signedInAt,
            String credentialStamp) {

        @Override
        public String toString() {
            return "SignedInAccount[" + accountId + ", " + username + ", " + roles + "]";
        }
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
