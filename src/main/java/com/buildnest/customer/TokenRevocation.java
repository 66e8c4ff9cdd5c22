package com.buildnest.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An emergency revocation, recorded in the database so that every replica applies it at its next
 * reload: tokens issued before {@code revokedBefore} are refused and only {@code trustedKeyId}
 * remains a signing key.
 */
@Entity
@Table(name = "customer_token_revocation")
class TokenRevocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "revoked_before", nullable = false)
    private Instant revokedBefore;

    @Column(name = "trusted_key_id", nullable = false, length = 16)
    private String trustedKeyId;

    @Column(name = "requested_by")
    private Long requestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TokenRevocation() {
    }

    TokenRevocation(Instant revokedBefore, String trustedKeyId, Long requestedBy, Instant createdAt) {
        this.revokedBefore = revokedBefore;
        this.trustedKeyId = trustedKeyId;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
    }

    Instant revokedBefore() {
        return revokedBefore;
    }

    String trustedKeyId() {
        return trustedKeyId;
    }
}
