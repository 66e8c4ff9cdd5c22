package com.buildnest.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByOrderNumber(String orderNumber);

    Optional<Payment> findByGatewayOrderId(String gatewayOrderId);

    /*
     * The payment row, locked until the transaction ends: refunds of one payment are decided one at
     * a time. Take the lock before any other read of the transaction: on MariaDB a plain read fixes
     * the snapshot the rest of the transaction sees, and it would not include the previous holder's
     * commit.
     */

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lockById(Long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.orderNumber = :orderNumber")
    Optional<Payment> lockByOrderNumber(String orderNumber);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.gatewayPaymentId = :gatewayPaymentId")
    Optional<Payment> lockByGatewayPaymentId(String gatewayPaymentId);

    /**
     * CREATED or FAILED → CAPTURED; 0 when the payment was already captured (or refunded). A late
     * capture after a failure still wins: money that moved is never ignored. Native: it runs with every
     * payment, and Hibernate translates a JPQL update to SQL again on every call.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update payment set status = 'CAPTURED', gateway_payment_id = :paymentId, failure_reason = null,
                updated_at = :now, version = version + 1
            where id = :id and status in ('CREATED', 'FAILED')""")
    int markCaptured(Long id, String paymentId, Instant now);

    /** CREATED → FAILED; 0 when it was settled already, so a late failure never undoes a capture. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Payment p set p.status = com.buildnest.payment.PaymentStatus.FAILED,
                p.failureReason = :reason, p.updatedAt = :now, p.version = p.version + 1
            where p.id = :id and p.status = com.buildnest.payment.PaymentStatus.CREATED""")
    int markFailed(Long id, String reason, Instant now);

    /**
     * Payments started before {@code startedBefore} that may still be paid: still CREATED, or FAILED
     * since {@code failedSince} (the customer may have paid on a second attempt), oldest first.
     */
    @Query("""
            select p from Payment p where p.createdAt < :startedBefore
                and (p.status = com.buildnest.payment.PaymentStatus.CREATED
                    or p.status = com.buildnest.payment.PaymentStatus.FAILED and p.updatedAt >= :failedSince)
            order by p.createdAt, p.id""")
    List<Payment> findUnsettled(Instant startedBefore, Instant failedSince, Pageable batch);
}
