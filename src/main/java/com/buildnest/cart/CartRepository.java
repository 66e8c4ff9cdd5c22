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

    /** Moves a cart past {@code version} if it is still there, in one conditional update. */
    @Modifying
    @Query("""
            update Cart c set c.version = c.version + 1, c.updatedAt = :now, c.lastActivityAt = :now
            where c.id = :cartId and c.accountId = :accountId and c.version = :version""")
    int advanceVersion(long cartId, long accountId, long version, Instant now);

    @Modifying
    @Query("delete from CartItem i where i.cart.id = :cartId")
    int deleteItemsOf(long cartId);
}
