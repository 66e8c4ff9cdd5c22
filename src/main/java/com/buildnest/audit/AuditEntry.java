package com.buildnest.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the audit log: what happened, to which account, done by whom, and when. Never changed. */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 60)
    private String action;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(nullable = false, length = 1000)
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String action, Long accountId, Long actorId, String detail) {
        this.occurredAt = occurredAt;
        this.action = action;
        this.accountId = accountId;
        this.actorId = actorId;
        this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }

    Long id() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String action() {
        return action;
    }

    Long accountId() {
        return accountId;
    }

    Long actorId() {
        return actorId;
    }

    String detail() {
        return detail;
    }
}
