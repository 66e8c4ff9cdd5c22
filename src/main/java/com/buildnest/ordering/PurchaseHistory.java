package com.buildnest.ordering;

import java.util.Collection;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer has bought, for other modules to ask (reviews: only a buyer who received a
 * product may review it). Read-only.
 */
@Service
public class PurchaseHistory {

    private final EntityManager entityManager;

    PurchaseHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Whether any order of the account with a line for the product was ever delivered. Its later
     * fate does not matter: a delivered order that was then returned or refunded was still
     * received, so its buyer still had the goods in hand. An order cancelled or refunded before it
     * was delivered never counts. One statement, led by the index on the account's orders.
     */
    @Transactional(readOnly = true)
    public boolean hasReceived(long accountId, long productId) {
        return !entityManager.createQuery("""
                select o.id from Order o join o.lines l join o.history h
                where o.accountId = :accountId and l.productId = :productId and h.to = :delivered""", Long.class)
                .setParameter("accountId", accountId).setParameter("productId", productId)
                .setParameter("delivered", OrderStatus.DELIVERED).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Which of the products some delivered order of the account had ({@link #hasReceived}, for many
     * products in one statement).
     */
    @Transactional(readOnly = true)
    public Set<Long> received(long accountId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(entityManager.createQuery("""
                select distinct l.productId from Order o join o.lines l join o.history h
                where o.accountId = :accountId and l.productId in :productIds and h.to = :delivered""", Long.class)
                .setParameter("accountId", accountId).setParameter("productIds", productIds)
                .setParameter("delivered", OrderStatus.DELIVERED).getResultList());
    }
}
