package com.buildnest.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One entry of an account's address book. Which entry is the default is decided by {@link Addresses}. */
@Entity
@Table(name = "customer_address")
class Address {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, length = 30)
    private String label;

    @Column(name = "recipient_name", nullable = false, length = 120)
    private String recipientName;

    @Column(nullable = false, length = 13)
    private String phone;

    @Column(nullable = false, length = 200)
    private String line1;

    @Column(length = 200)
    private String line2;

    @Column(length = 120)
    private String landmark;

    @Column(nullable = false, length = 80)
    private String city;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private IndianState state;

    @Column(name = "pin_code", nullable = false, length = 6)
    private String pinCode;

    @Column(length = 15)
    private String gstin;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Address() {
    }

    Address(long accountId, AddressDetails details, Instant createdAt) {
        this.accountId = accountId;
        this.createdAt = createdAt;
        replace(details);
    }

    /** Replaces everything the address says; it keeps its id, its place in the book and its default flag. */
    void replace(AddressDetails details) {
        this.label = details.label();
        this.recipientName = details.recipientName();
        this.phone = details.phone().value();
        this.line1 = details.line1();
        this.line2 = details.line2();
        this.landmark = details.landmark();
        this.city = details.city();
        this.state = details.state();
        this.pinCode = details.pinCode().value();
        this.gstin = details.gstin() == null ? null : details.gstin().value();
    }

    void markDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    Long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    String label() {
        return label;
    }

    String recipientName() {
        return recipientName;
    }

    String phone() {
        return phone;
    }

    String line1() {
        return line1;
    }

    String line2() {
        return line2;
    }

    String landmark() {
        return landmark;
    }

    String city() {
        return city;
    }

    IndianState state() {
        return state;
    }

    String pinCode() {
        return pinCode;
    }

    String gstin() {
        return gstin;
    }

    boolean isDefault() {
        return isDefault;
    }

    Instant createdAt() {
        return createdAt;
    }
}
