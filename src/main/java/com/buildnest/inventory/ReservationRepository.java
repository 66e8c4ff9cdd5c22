package com.buildnest.inventory;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import com.buildnest.inventory.Reservation.Status;

interface ReservationRepository extends JpaRepository<Reservation, Long> {

    boolean existsByReference(String reference);

    List<Reservation> findByReferenceOrderBySku(String reference);

    /** Moves one reservation out of ACTIVE; 0 when someone else already did. */
    @Modifying(flushAutomatically = true)
    @Query("update Reservation r set r.status = :to where r.id = :id and r.status = :from")
    int transition(Long id, Status from, Status to);

    /**
     * Moves every ACTIVE line of a reference's reservation to CONFIRMED; returns how many moved. Native,
     * like the other statements of every purchase: Hibernate keeps no translation of a JPQL update or
     * delete and translates it to SQL again on every call (4 % of a purchase's CPU, docs/benchmarks.md).
     */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            update inventory_reservation set status = 'CONFIRMED' where reference = :reference and status = 'ACTIVE'""")
    int confirmAll(String reference);

    @Query("select r from Reservation r where r.status = :status and r.expiresAt < :now order by r.expiresAt, r.id")
    List<Reservation> findExpired(Status status, Instant now, Pageable batch);
}
