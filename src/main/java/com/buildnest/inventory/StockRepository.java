package com.buildnest.inventory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Every change of stock is one of these statements: atomic, conditional where it could take
 * available below zero, and judged by its row count (0 = refused, or no such SKU). Nothing here
 * reads a number, changes it in Java and writes it back.
 */
interface StockRepository extends JpaRepository<Stock, String>, JpaSpecificationExecutor<Stock> {

    /** Starts tracking a SKU; does nothing if it is already tracked (also when two callers race). */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert ignore into inventory_stock (sku, on_hand, reserved, low_stock_threshold, below_threshold, version, updated_at)
            values (:sku, 0, 0, :threshold, :below, 0, :now)""")
    int trackIfAbsent(String sku, Long threshold, boolean below, Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Stock s set s.onHand = s.onHand + :quantity, s.version = s.version + 1, s.updatedAt = :now
            where s.sku = :sku""")
    int addOnHand(String sku, long quantity, Instant now);

    /** Takes units off the shelf (a negative adjustment), never more than are available. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Stock s set s.onHand = s.onHand - :quantity, s.version = s.version + 1, s.updatedAt = :now
            where s.sku = :sku and s.onHand - s.reserved >= :quantity""")
    int removeAvailable(String sku, long quantity, Instant now);

    /**
     * Holds units for a checkout, never more than are available. Native, as {@link #sell}: it runs with
     * every purchase, and Hibernate translates a JPQL update to SQL again on every call.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update inventory_stock set reserved = reserved + :quantity, version = version + 1, updated_at = :now
            where sku = :sku and on_hand - reserved >= :quantity""")
    int reserve(String sku, long quantity, Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Stock s set s.reserved = s.reserved - :quantity, s.version = s.version + 1, s.updatedAt = :now
            where s.sku = :sku and s.reserved >= :quantity""")
    int release(String sku, long quantity, Instant now);

    /**
     * A reservation becomes a sale: the units leave the shelf and stop being reserved. Does not clear
     * the persistence context: a sale is confirmed inside the payment's transaction, whose order must
     * stay managed, and nothing on that path reads a {@code Stock} entity afterwards. Native: Hibernate
     * keeps no translation of a JPQL update and would translate it to SQL again for every sale.
     */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            update inventory_stock set on_hand = on_hand - :quantity, reserved = reserved - :quantity,
            version = version + 1, updated_at = :now
            where sku = :sku and reserved >= :quantity and on_hand >= :quantity""")
    int sell(String sku, long quantity, Instant now);

    /** The SKU's row, locked until the transaction ends: for a change that must name what it replaced. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Stock s where s.sku = :sku")
    Optional<Stock> findForUpdate(String sku);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Stock s set s.lowStockThreshold = :threshold, s.version = s.version + 1, s.updatedAt = :now
            where s.sku = :sku""")
    int setThreshold(String sku, Long threshold, Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Stock s set s.defaultThreshold = :threshold, s.version = s.version + 1, s.updatedAt = :now
            where s.sku in :skus""")
    int setDefaultThreshold(Collection<String> skus, Long threshold, Instant now);

    /**
     * The SKUs among these that are below their threshold but not yet marked so: the ones about to
     * cross. Native, as {@code Inventory.availability}'s read: Hibernate translates a JPQL {@code in}
     * list anew on every call, and this runs with every reservation and sale.
     */
    @Query(nativeQuery = true, value = """
            select sku from inventory_stock where sku in (:skus) and below_threshold = false
            and on_hand - reserved < coalesce(low_stock_threshold, default_threshold, :defaultThreshold)
            order by sku""")
    List<String> findCrossingBelow(Collection<String> skus, long defaultThreshold);

    /** Clears the mark of those among these SKUs that are back at or above their threshold. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Stock s set s.belowThreshold = false
            where s.sku in :skus and s.belowThreshold = true
            and s.onHand - s.reserved >= coalesce(s.lowStockThreshold, s.defaultThreshold, :defaultThreshold)""")
    int clearBelowThreshold(Collection<String> skus, long defaultThreshold);

    /** Notes that available fell below the threshold; 1 only for the change that crossed it. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Stock s set s.belowThreshold = true
            where s.sku = :sku and s.belowThreshold = false
            and s.onHand - s.reserved < coalesce(s.lowStockThreshold, s.defaultThreshold, :defaultThreshold)""")
    int markBelowThreshold(String sku, long defaultThreshold);

    /** Notes that available is back at or above the threshold, so the next fall is a new crossing. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Stock s set s.belowThreshold = false
            where s.sku = :sku and s.belowThreshold = true
            and s.onHand - s.reserved >= coalesce(s.lowStockThreshold, s.defaultThreshold, :defaultThreshold)""")
    int clearBelowThreshold(String sku, long defaultThreshold);

    /** Stock changed at or after a moment, oldest change first (index on updated_at). */
    List<Stock> findByUpdatedAtGreaterThanEqualOrderByUpdatedAtAscSkuAsc(Instant since, Pageable page);

    /** Every SKU's stock, by SKU, a page at a time. */
    List<Stock> findBySkuGreaterThanOrderBySkuAsc(String after, Pageable page);

    @Query(value = """
            select s from Stock s where s.onHand - s.reserved < coalesce(s.lowStockThreshold, s.defaultThreshold, :defaultThreshold)
            order by s.sku""", countQuery = """
            select count(s) from Stock s where s.onHand - s.reserved < coalesce(s.lowStockThreshold, s.defaultThreshold, :defaultThreshold)""")
    Page<Stock> findBelowThreshold(long defaultThreshold, Pageable page);
}
