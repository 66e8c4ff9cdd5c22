package com.buildnest.ordering;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One step in an order's history: from which status to which, when, by whom (null for the system
 * or the payment gateway), and why.
 */
@Embeddable
record StatusChange(
        @Enumerated(EnumType.STRING) @Column(name = "from_status", length = 20) OrderStatus from,
        @Enumerated(EnumType.STRING) @Column(name = "to_status", nullable = false, length = 20) OrderStatus to,
        @Column(name = "changed_at", nullable = false) Instant at,
        @Column(name = "actor_id") Long actorId,
        @Column(name = "note", length = 500) String note) {
}
