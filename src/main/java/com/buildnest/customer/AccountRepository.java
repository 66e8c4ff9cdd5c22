package com.buildnest.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    /** The account a sign-in names, by username or e-mail, with its roles: one statement. */
    @Query("select distinct a from Account a left join fetch a.roles where a.username = :identifier or a.email = :identifier")
    Optional<Account> findForSignIn(String identifier);

    boolean existsByEmail(String email);

    Optional<Account> findByUsername(String username);

    Optional<Account> findByEmail(String email);

    /** The account, its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Account> findLockedById(Long id);

    boolean existsByUsername(String username);

    /** The full names of enabled accounts that gave one, without loading the accounts (or their roles). */
    @Query("select a.id as id, a.fullName as fullName from Account a where a.id in :ids and a.enabled = true and a.fullName is not null")
    List<FullName> findFullNames(Collection<Long> ids);

    /** How to greet and reach an enabled account, without loading it (or its roles): one statement. */
    @Query("select a.username as username, a.email as email, a.fullName as fullName from Account a where a.id = :id and a.enabled = true")
    Optional<ContactDetails> findContact(long id);

    /** Where to write to each enabled account among {@code ids}. */
    @Query("select a.username as username, a.email as email from Account a where a.id in :ids and a.enabled = true")
    List<Recipient> findRecipients(Collection<Long> ids);

    Page<Account> findByUsernameContainingIgnoreCaseOrEmailContainingIgnoreCaseOrFullNameContainingIgnoreCase(
            String username, String email, String fullName, Pageable page);

    @Query("select a.id as id, a.username as username from Account a where a.id in :ids")
    List<Username> findUsernames(Collection<Long> ids);

    interface Username {
        Long getId();

        String getUsername();
    }

    interface Recipient {
        String getUsername();

        String getEmail();
    }

    interface ContactDetails {
        String getUsername();

        String getEmail();

        String getFullName();
    }

    interface FullName {
        Long getId();

        String getFullName();
    }
}
