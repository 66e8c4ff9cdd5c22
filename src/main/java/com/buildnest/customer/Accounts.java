package com.buildnest.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;

/** The accounts of the shop, as the rest of the module asks for them. */
@Service
class Accounts {

    private final AccountRepository repository;

    Accounts(AccountRepository repository) {
        this.repository = repository;
    }

    /**
     * The profile of the account a token names. A token whose account is gone or disabled gets
     * the same 404 as any unknown account.
     */
    @Transactional(readOnly = true)
    Profile profileOf(String subject) {
        return parseId(subject).flatMap(repository::findById)
                .filter(Account::enabled)
                .map(Profile::of)
                .orElseThrow(() -> BusinessRuleViolation.notFound("customer.account-not-found",
                        "The account of this token does not exist."));
    }

    /**
     * Changes the name and mobile number of the account a token names, as {@link ProfileChanges}
     * reads a PATCH, and answers with the profile as it now is.
     */
    @Transactional
    Profile changeContactDetails(String subject, ProfileChanges changes) {
        Account account = lockedAccountOf(subject);
        account.changeContactDetails(changes.fullNameOr(account.fullName()), changes.phoneOr(account.phone()));
        return Profile.of(account);
    }

    /** The id of the enabled account a token names; 404 like {@link #profileOf} otherwise. */
    @Transactional(readOnly = true)
    long accountIdOf(String subject) {
        return profileOf(subject).id();
    }

    /**
     * Locks the enabled account a token names until the transaction ends, so that changes to the
     * account and to what it owns (its address book) take turns; returns its id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long lockAccountOf(String subject) {
        return lockedAccountOf(subject).id();
    }

    private Account lockedAccountOf(String subject) {
        return parseId(subject).flatMap(repository::findLockedById)
                .filter(Account::enabled)
                .orElseThrow(() -> BusinessRuleViolation.notFound("customer.account-not-found",
                        "The account of this token does not exist."));
    }

    private static Optional<Long> parseId(String subject) {
        try {
            return Optional.of(Long.parseLong(subject));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    /** What a person sees of their own account. */
    record Profile(long id, String username, String email, String fullName, String phone, List<Role> roles) {
        static Profile of(Account account) {
            return new Profile(account.id(), account.username(), account.email(), account.fullName(),
                    account.phone(), account.roles().stream().sorted().toList());
        }
    }
}
