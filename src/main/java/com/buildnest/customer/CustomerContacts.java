package com.buildnest.customer;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How other modules reach a customer: the name to greet and the address to mail (order updates). */
@Service
public class CustomerContacts {

    private final AccountRepository accounts;

    CustomerContacts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** @param name the customer's full name, or their username when they gave none */
    public record Contact(String name, String email) {
    }

    /** The account's contact details; empty for an unknown or disabled account. */
    @Transactional(readOnly = true)
    public Optional<Contact> contactOf(long accountId) {
        return accounts.findById(accountId).filter(Account::enabled).map(account -> new Contact(
                account.fullName() == null || account.fullName().isBlank() ? account.username() : account.fullName(),
                account.email()));
    }
}
