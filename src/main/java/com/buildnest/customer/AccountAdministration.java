package com.buildnest.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.customer.IdentityEvents.AccountEnabledChanged;
import com.buildnest.customer.IdentityEvents.RolesChanged;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * What staff do to accounts: list and search them, disable and enable them, and (administrators
 * only) set roles. The API ({@code /api/admin/customers}) and the back office's pages both call it.
 */
@Service
public class AccountAdministration {

    static final int MAX_PAGE_SIZE = 100;

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountAdministration(AccountRepository accounts, Sessions sessions, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** An account as staff see it. */
    public record AccountSummary(long id, String username, String email, String fullName, boolean enabled,
            List<Role> roles, Instant createdAt) {
        static AccountSummary of(Account account) {
            return new AccountSummary(account.id(), account.username(), account.email(), account.fullName(),
                    account.enabled(), account.roles().stream().sorted().toList(), account.createdAt());
        }
    }

    @Transactional(readOnly = true)
    Page<AccountSummary> list(int page, int size) {
        return accounts.findAll(PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE), Sort.by("id")))
                .map(AccountSummary::of);
    }

    /**
     * Accounts whose username, e-mail or full name contains {@code text} (any case), or all when it
     * is blank, by id; at most 100 a page. The roles of a page come in one more statement.
     */
    @Transactional(readOnly = true)
    public Page<AccountSummary> search(String text, int page, int size) {
        PageRequest request = PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE), Sort.by("id"));
        if (text == null || text.isBlank()) {
            return accounts.findAll(request).map(AccountSummary::of);
        }
        String wanted = text.strip();
        return accounts.findByUsernameContainingIgnoreCaseOrEmailContainingIgnoreCaseOrFullNameContainingIgnoreCase(
                wanted, wanted, wanted, request).map(AccountSummary::of);
    }

    /** One account; {@code customer.account-not-found} if there is none with this id. */
    @Transactional(readOnly = true)
    public AccountSummary account(long accountId) {
        return AccountSummary.of(find(accountId));
    }

    /** The usernames of these accounts, by id (to say who did something), in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, String> usernames(Collection<Long> accountIds) {
        return accountIds.isEmpty() ? Map.of()
                : accounts.findUsernames(accountIds).stream().collect(
                        Collectors.toMap(AccountRepository.Username::getId, AccountRepository.Username::getUsername));
    }

    /** Disabling ends every session of the account at once. */
    @Transactional
    public AccountSummary setEnabled(long accountId, boolean enabled, long actorId) {
        if (accountId == actorId && !enabled) {
            throw BusinessRuleViolation.conflict("customer.cannot-disable-self", "You cannot disable your own account.");
        }
        Account account = find(accountId);
        if (account.enabled() != enabled) {
            if (enabled) {
                account.enable();
            } else {
                account.disable();
                sessions.endAllOf(accountId, "account disabled");
            }
            events.publishEvent(new AccountEnabledChanged(accountId, enabled, actorId, clock.instant()));
        }
        return AccountSummary.of(account);
    }

    /** Only administrators call this (enforced at the API); the customer role always stays. */
    @Transactional
    public AccountSummary setRoles(long accountId, Set<Role> roles, long actorId) {
        Account account = find(accountId);
        if (accountId == actorId && !roles.contains(Role.ADMIN)) {
            throw BusinessRuleViolation.conflict("customer.cannot-demote-self",
                    "You cannot remove your own administrator role.");
        }
        List<String> before = names(account.roles());
        account.replaceRoles(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        List<String> after = names(account.roles());
        if (!before.equals(after)) {
            events.publishEvent(new RolesChanged(accountId, before, after, actorId, clock.instant()));
        }
        return AccountSummary.of(account);
    }

    private Account find(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> BusinessRuleViolation.notFound(
                "customer.account-not-found", "No account with id " + accountId + "."));
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
