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

    /** Moves every reservation line of a reference that is {@code from} to {@code to}; returns how many moved. */
    @Modifying(flushAutomatically = true)
    @Query("update Reservation r set r.status = :to where r.reference = :reference and r.status = :from")
    int transitionAll(String reference, Status from, Status to);

    @Query("select r from Reservation r where r.status = :status and r.expiresAt < :now order by r.expiresAt, r.id")
    List<Reservation> findExpired(Status status, Instant now, Pageable batch);
}
