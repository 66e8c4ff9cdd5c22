package com.buildnest.wishlist;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WishlistRepository extends JpaRepository<Wishlist, Long> {

    /** The wishlist with its items in one query. */
    @Query("select w from Wishlist w left join fetch w.items where w.accountId = :accountId")
    Optional<Wishlist> findWithItems(long accountId);

    /**
     * The wishlist, locked until the transaction ends: changes to one list take turns. Its items are
     * read after the lock is held, by a statement of their own, so they include every item the
     * previous holder committed (a join read with the lock may see the items as they were when it began).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from Wishlist w where w.accountId = :accountId")
    Optional<Wishlist> lock(long accountId);

    /**
     * Makes sure the customer has a wishlist row, in one statement that two first additions may run
     * at once: the second waits for the first and then leaves its row alone.
     */
    @Modifying
    @Query(value = "insert ignore into wishlist (account_id) values (:accountId)", nativeQuery = true)
    int open(long accountId);
}
