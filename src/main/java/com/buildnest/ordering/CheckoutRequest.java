package com.buildnest.ordering;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * A checkout made with an {@code Idempotency-Key}: a fingerprint of what was asked, and the order
 * it placed. The same key with the same body replays the order; with another body it is refused,
 * since the client evidently meant something else by it.
 */
@Entity
@Table(name = "ordering_checkout_request")
class CheckoutRequest implements Persistable<CheckoutRequest.Key> {

    @EmbeddedId
    private Key key;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "order_number", length = 20)
    private String orderNumber;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A new request is inserted without first looking for it (its key is the client's, not generated). */
    @Transient
    private boolean isNew;

    protected CheckoutRequest() {
    }

    CheckoutRequest(long accountId, String idempotencyKey, String requestHash, String orderNumber, Instant createdAt) {
        this.key = new Key(accountId, idempotencyKey);
        this.requestHash = requestHash;
        this.orderNumber = orderNumber;
        this.createdAt = createdAt;
        this.isNew = true;
    }

    @Override
    public Key getId() {
        return key;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    /** An account's idempotency key. */
    @Embeddable
    record Key(@Column(name = "account_id", nullable = false) long accountId,
            @Column(name = "idempotency_key", nullable = false, length = 100) String idempotencyKey)
            implements Serializable {
    }

    /** The order the first request placed, if this one asks the same. */
    String replay(String fingerprint) {
        if (!requestHash.equals(fingerprint)) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.INVALID, "request.idempotency-key-reused",
                    "This Idempotency-Key was already used for a different checkout.");
        }
        if (orderNumber == null) {
            throw inProgress();
        }
        return orderNumber;
    }

    static BusinessRuleViolation inProgress() {
        return BusinessRuleViolation.conflict("checkout.in-progress",
                "A checkout with this Idempotency-Key is still being placed. Try again in a moment.");
    }
}
