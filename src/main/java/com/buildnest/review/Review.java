package com.buildnest.review;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * A customer's review of a product they received: a rating from 1 to 5 stars, an optional title
 * and a text, stored as written (the storefront escapes it when it renders). One per customer and
 * product (a unique key). Staff may hide it, and show it again; the last such decision is kept
 * with who made it, when and why.
 */
@Entity
@Table(name = "review")
class Review {

    static final int MIN_RATING = 1;
    static final int MAX_RATING = 5;
    static final int MAX_TITLE = 120;
    static final int MAX_TEXT = 4000;
    static final int MAX_REASON = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private int rating;

    @Column(length = MAX_TITLE)
    private String title;

    @Column(name = "body", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean hidden;

    @Column(name = "moderated_at")
    private Instant moderatedAt;

    @Column(name = "moderated_by")
    private Long moderatedBy;

    @Column(name = "moderation_reason", length = MAX_REASON)
    private String moderationReason;

    @Version
    private long version;

    protected Review() {
    }

    Review(long productId, long accountId, int rating, String title, String text, Instant now) {
        if (rating < MIN_RATING || rating > MAX_RATING) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars: " + rating);
        }
        this.productId = productId;
        this.accountId = accountId;
        this.rating = rating;
        this.title = title;
        this.text = text;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS); // as the database keeps it
    }

    /** Hides the review from the shop; refused ({@code review.already-hidden}) if it is hidden. */
    void hide(long staffId, String reason, Instant now) {
        if (hidden) {
            throw BusinessRuleViolation.conflict("review.already-hidden", "Review " + id + " is already hidden.");
        }
        moderate(true, staffId, reason, now);
    }

    /** Shows a hidden review again; refused ({@code review.not-hidden}) if it is shown. */
    void unhide(long staffId, String reason, Instant now) {
        if (!hidden) {
            throw BusinessRuleViolation.conflict("review.not-hidden", "Review " + id + " is not hidden.");
        }
        moderate(false, staffId, reason, now);
    }

    private void moderate(boolean hide, long staffId, String reason, Instant now) {
        this.hidden = hide;
        this.moderatedBy = staffId;
        this.moderatedAt = now.truncatedTo(ChronoUnit.MICROS);
        this.moderationReason = reason;
    }

    Long id() {
        return id;
    }

    long productId() {
        return productId;
    }

    long accountId() {
        return accountId;
    }

    int rating() {
        return rating;
    }

    String title() {
        return title;
    }

    String text() {
        return text;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean hidden() {
        return hidden;
    }

    Instant moderatedAt() {
        return moderatedAt;
    }

    Long moderatedBy() {
        return moderatedBy;
    }

    String moderationReason() {
        return moderationReason;
    }
}
