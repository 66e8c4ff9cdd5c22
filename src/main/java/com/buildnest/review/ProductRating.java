package com.buildnest.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The visible reviews of one product counted by stars. Its row is also the lock every change to
 * the product's reviews takes first, so that recounts follow one another and the last one counts
 * everything committed before it.
 */
@Entity
@Table(name = "review_product_rating")
class ProductRating {

    @Id
    @Column(name = "product_id")
    private Long productId;

    @Column(name = "one_star", nullable = false)
    private long ones;

    @Column(name = "two_stars", nullable = false)
    private long twos;

    @Column(name = "three_stars", nullable = false)
    private long threes;

    @Column(name = "four_stars", nullable = false)
    private long fours;

    @Column(name = "five_stars", nullable = false)
    private long fives;

    protected ProductRating() {
    }

    void recount(RatingSummary summary) {
        ones = summary.ones();
        twos = summary.twos();
        threes = summary.threes();
        fours = summary.fours();
        fives = summary.fives();
    }

    RatingSummary summary() {
        return new RatingSummary(ones, twos, threes, fours, fives);
    }
}
