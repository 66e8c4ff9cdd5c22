package com.buildnest.customer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/**
 * A person who signs in: a shopper or contractor, or a member of staff. Usernames and e-mail
 * addresses are kept lower-case so that uniqueness does not depend on the database's collation.
 */
@Entity
@Table(name = "customer_account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 50)
    private String username;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name", length = 120)
    private String fullName;

    @Column(length = 20)
    private String phone;

    @Column(nullable = false)
    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100) // a page of accounts (staff's list) loads its roles in one statement, not one per account
    @CollectionTable(name = "customer_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
    }

    Account(String username, String email, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.username = normalise(username);
        this.email = normalise(email);
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.enabled = true;
        this.createdAt = createdAt;
    }

    static String normalise(String identifier) {
        return identifier.trim().toLowerCase(Locale.ROOT);
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    String fullName() {
        return fullName;
    }

    String phone() {
        return phone;
    }

    /**
     * Changes the name and the mobile number the holder gave; null clears either. The name is kept
     * trimmed, the number as a {@link MobileNumber} writes it. A number that is not changing is left
     * exactly as stored.
     */
    void changeContactDetails(String fullName, String phone) {
        this.fullName = fullName == null || fullName.isBlank() ? null : fullName.trim();
        if (phone == null || !phone.equals(this.phone)) {
            this.phone = phone == null ? null : MobileNumber.of(phone).value();
        }
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Replaces the stored hash: a new password, or the same one re-hashed at stronger settings. */
    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    void enable() {
        this.enabled = true;
    }

    void disable() {
        this.enabled = false;
    }

    /** Every account keeps at least the customer role; only the roles given are kept. */
    void replaceRoles(Set<Role> newRoles) {
        EnumSet<Role> kept = EnumSet.of(Role.CUSTOMER);
        kept.addAll(newRoles);
        this.roles.clear();
        this.roles.addAll(kept);
    }
}
