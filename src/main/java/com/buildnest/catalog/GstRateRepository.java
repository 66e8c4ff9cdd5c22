package com.buildnest.catalog;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GstRateRepository extends JpaRepository<GstRateRow, Long> {

    /** The rows in force on {@code day}: a small table, read whole for a page of products. */
    @Query("select r from GstRateRow r where r.effectiveFrom <= :day and (r.effectiveTo is null or r.effectiveTo >= :day)")
    List<GstRateRow> findInForceOn(LocalDate day);

    /** The rows in force on {@code day} whose prefix matches {@code hsn}. */
    @Query("""
            select r from GstRateRow r where :hsn like concat(r.hsn, '%')
            and r.effectiveFrom <= :day and (r.effectiveTo is null or r.effectiveTo >= :day)""")
    List<GstRateRow> findMatching(String hsn, LocalDate day);
}
