package com.buildnest.review;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReviewRepository extends JpaRepository<Review, Long> {

    /** A product's visible reviews, newest first (index on product, hidden, created). */
    @Query("select r from Review r where r.productId = :productId and r.hidden = false order by r.createdAt desc, r.id desc")
    Page<Review> findVisible(long productId, Pageable page);

    /** Reviews for staff, newest first, optionally only hidden (or shown) ones, optionally of one product. */
    @Query("""
            select r from Review r where (:hidden is null or r.hidden = :hidden)
            and (:productId is null or r.productId = :productId) order by r.createdAt desc, r.id desc""")
    Page<Review> findForStaff(Boolean hidden, Long productId, Pageable page);

    /** How many visible reviews of a product gave each number of stars: rows of {@code [stars, count]}. */
    @Query("select r.rating, count(r) from Review r where r.productId = :productId and r.hidden = false group by r.rating")
    List<Object[]> countVisibleByStars(long productId);

    boolean existsByProductIdAndAccountId(long productId, long accountId);

    /** Which of the products the account has reviewed (hidden reviews too: a customer reviews a product once). */
    @Query("select r.productId from Review r where r.accountId = :accountId and r.productId in :productIds")
    List<Long> findProductIdsReviewedBy(long accountId, Collection<Long> productIds);
}
