package com.buildnest.review;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProductRatingRepository extends JpaRepository<ProductRating, Long> {

    /**
     * Makes sure the product has its row, in one statement that two first reviews may run at once:
     * the second waits for the first and then leaves its row alone.
     */
    @Modifying
    @Query(value = """
            insert ignore into review_product_rating (product_id, one_star, two_stars, three_stars, four_stars, five_stars)
            values (:productId, 0, 0, 0, 0, 0)""", nativeQuery = true)
    int open(long productId);

    /** The product's row, locked until the transaction ends: changes to its reviews take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ProductRating p where p.productId = :productId")
    Optional<ProductRating> lock(long productId);
}
