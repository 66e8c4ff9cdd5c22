package com.buildnest.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RefundRepository extends JpaRepository<Refund, Long> {

    Optional<Refund> findByIdempotencyKey(String idempotencyKey);

    Optional<Refund> findByGatewayRefundId(String gatewayRefundId);

    /** A refund we asked for whose answer has not been recorded yet: the webhook may be first. */
    Optional<Refund> findFirstByPaymentIdAndStatusAndAmountPaiseOrderById(long paymentId, RefundStatus status,
            long amountPaise);

    /** What the gateway accepted of a payment's refunds. */
    @Query("""
            select coalesce(sum(r.amountPaise), 0) from Refund r where r.paymentId = :paymentId
                and r.status in (com.buildnest.payment.RefundStatus.PENDING, com.buildnest.payment.RefundStatus.PROCESSED)""")
    long acceptedPaise(long paymentId);

    /** Refunds whose gateway call never got an answer, oldest first. */
    @Query("""
            select r from Refund r where r.status = com.buildnest.payment.RefundStatus.REQUESTED
                and r.createdAt < :requestedBefore order by r.createdAt, r.id""")
    List<Refund> findUnanswered(Instant requestedBefore, Pageable batch);
}
