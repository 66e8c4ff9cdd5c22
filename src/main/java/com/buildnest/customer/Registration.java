package com.buildnest.customer;

import java.time.Clock;
import java.util.EnumSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.customer.IdentityEvents.AccountRegistered;
import com.buildnest.shared.BusinessRuleViolation;

/** Opening a customer account. Usernames and e-mails are unique, enforced by the database. */
@Service
public class Registration {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registration(AccountRepository accounts, PasswordEncoder passwords, PasswordPolicy policy,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    public record Application(String username, String email, String password, String fullName, String phone) {
    }

    /** {@link #register}, for callers outside the module: the new customer's account id. */
    @Transactional
    public long registerCustomer(Application application) {
        return register(application).id();
    }

    @Transactional
    Account register(Application application) {
        String username = Account.normalise(application.username());
        String email = Account.normalise(application.email());
        policy.check("password", application.password(), username, email);
        if (accounts.existsByUsername(username)) {
            throw taken("customer.username-taken", "That username is taken.");
        }
        if (accounts.existsByEmail(email)) {
            throw taken("customer.email-taken", "An account with that e-mail address exists. Sign in or reset the password.");
        }
        Account account = new Account(username, email, passwords.encode(application.password()),
                EnumSet.of(Role.CUSTOMER), clock.instant());
        account.changeContactDetails(application.fullName(), application.phone());
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException raced) {
            // Another registration with the same username or e-mail committed between check and insert.
            throw taken("customer.account-exists", "That username or e-mail address is taken.");
        }
        events.publishEvent(new AccountRegistered(account.id(), clock.instant()));
        return account;
    }

    private static BusinessRuleViolation taken(String code, String message) {
        return BusinessRuleViolation.conflict(code, message);
    }
}
