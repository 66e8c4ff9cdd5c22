package com.buildnest.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account's link to an identity at Google or GitHub, by the provider's stable subject id. */
@Entity
@Table(name = "customer_social_identity")
class SocialIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String provider;

    @Column(nullable = false, length = 255)
    private String subject;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SocialIdentity() {
    }

    SocialIdentity(String provider, String subject, Long accountId, Instant createdAt) {
        this.provider = provider;
        this.subject = subject;
        this.accountId = accountId;
        this.createdAt = createdAt;
    }

    Long accountId() {
        return accountId;
    }
}
