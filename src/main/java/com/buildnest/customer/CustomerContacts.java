package com.buildnest.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other modules reach a customer: the name to greet and the address to mail (order updates),
 * and the short name shown beside what they publish (reviews).
 */
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
        // a projection, not the account: order mail asks for every payment, in the payment's transaction
        return accounts.findContact(accountId).map(account -> new Contact(
                account.getFullName() == null || account.getFullName().isBlank() ? account.getUsername()
                        : account.getFullName(),
                account.getEmail()));
    }

    /**
     * The names to show publicly for accounts: the first word of the full name and the initial of
     * the last ("Ravi Kumar Sharma" → "Ravi S."), or the one word there is. An account without a
     * full name, disabled or unknown is absent: its username or e-mail address is never shown. One
     * query however many accounts.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> publicNames(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        for (AccountRepository.FullName account : accounts.findFullNames(accountIds)) {
            if (!account.getFullName().isBlank()) {
                names.put(account.getId(), publicName(account.getFullName()));
            }
        }
        return names;
    }

    static String publicName(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        if (words.length == 1) {
            return words[0];
        }
        String last = words[words.length - 1];
        return words[0] + " " + last.substring(0, last.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".";
    }
}
