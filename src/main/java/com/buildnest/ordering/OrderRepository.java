package com.buildnest.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface OrderRepository extends JpaRepository<Order, Long> {

    Optional<Order> findByOrderNumber(String orderNumber);

    Optional<Order> findByOrderNumberAndAccountId(String orderNumber, long accountId);

    @Query("select o.accountId from Order o where o.orderNumber = :orderNumber")
    Optional<Long> findAccountIdByOrderNumber(String orderNumber);

    /** The order, locked until the transaction ends: payment events, expiry and staff take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.orderNumber = :orderNumber")
    Optional<Order> lockByOrderNumber(String orderNumber);

    /**
     * Loads the history and the lines of an order this transaction has locked already, in one
     * statement instead of one lazy read each. Both are indexed lists, so Hibernate may fetch them
     * together; the rows come back as history × lines, few while an order awaits payment. Not part of
     * the lock itself: on H2 Hibernate cannot lock an outer-joined fetch and locks by a second select
     * after it, which would read the history before the lock is held.
     */
    @Query("select o from Order o left join fetch o.history left join fetch o.lines where o.id = :id")
    Optional<Order> loadHistoryAndLines(Long id);

    /**
     * Notes the gateway's order on an order that has none yet, in one statement. Native: it runs with
     * every checkout, and Hibernate translates a JPQL update to SQL again on every call.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            update ordering_order set payment_gateway = :gateway, gateway_order_id = :gatewayOrderId
            where order_number = :orderNumber and (gateway_order_id is null or gateway_order_id = :gatewayOrderId)""")
    int awaitPayment(String orderNumber, String gateway, String gatewayOrderId);

    Page<Order> findByAccountIdOrderByPlacedAtDesc(long accountId, Pageable page);

    Page<Order> findByAccountIdAndStatusOrderByPlacedAtDesc(long accountId, OrderStatus status, Pageable page);

    Page<Order> findByStatusOrderByPlacedAtDesc(OrderStatus status, Pageable page);

    Page<Order> findAllByOrderByPlacedAtDesc(Pageable page);

    /** Orders that owe their buyer a refund not yet asked of the gateway (index on refund_owed_paise). */
    @Query("select o.orderNumber from Order o where o.refundOwedPaise > 0 order by o.updatedAt")
    List<String> findOwingRefunds(Pageable page);

    /** Unpaid orders whose reservation has run out, oldest first (index on status, placed_at). */
    @Query("""
            select o.orderNumber from Order o where o.status in :statuses and o.reservationExpiresAt < :now
            order by o.placedAt""")
    List<String> findExpired(List<OrderStatus> statuses, Instant now, Pageable page);
}
