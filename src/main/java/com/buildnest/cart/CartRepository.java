package com.buildnest.cart;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CartRepository extends JpaRepository<Cart, Long> {

    /** The cart with its lines in one query. */
    @Query("select c from Cart c left join fetch c.items where c.accountId = :accountId")
    Optional<Cart> findByAccountId(long accountId);

    @Query("select c from Cart c left join fetch c.items where c.guestTokenHash = :hash")
    Optional<Cart> findByGuestTokenHash(String hash);

    /**
     * The cart with its lines, locked until the transaction ends: concurrent edits of one cart
     * queue up here instead of deadlocking later (a line's insert checks its cart row first).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Cart c left join fetch c.items where c.accountId = :accountId")
    Optional<Cart> lockByAccountId(long accountId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Cart c left join fetch c.items where c.guestTokenHash = :hash")
    Optional<Cart> lockByGuestTokenHash(String hash);

    @Query("select c.id from Cart c where c.accountId is null and c.lastActivityAt < :idleSince order by c.id")
    List<Long> findIdleGuestCarts(Instant idleSince, Pageable page);

    /** Lines and notices go with their cart (ON DELETE CASCADE). */
    @Modifying
    @Query("delete from Cart c where c.id in :ids")
    int deleteByIds(Collection<Long> ids);

    /**
     * Deletes a checked-out cart if it is still at {@code version}, in one statement: its lines and
     * notices go with it (ON DELETE CASCADE), and the shopper's next add starts a new cart.
     */
    @Modifying
    @Query(value = "delete from cart where id = :cartId and account_id = :accountId and version = :version",
            nativeQuery = true)
    int deleteAtVersion(long cartId, long accountId, long version);
}
