package com.buildnest.catalog;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findByIdAndActiveTrue(Long id);

    boolean existsByIdAndActiveTrue(Long id);

    /** Sets a product's rating, and nothing else of it, in one statement. */
    @Modifying(flushAutomatically = true)
    @Query("update Product p set p.ratingAverage = :average, p.ratingCount = :count where p.id = :id")
    int rate(long id, BigDecimal average, long count);
}
