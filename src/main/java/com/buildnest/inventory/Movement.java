package com.buildnest.inventory;

import java.time.Instant;

/**
 * A line of the stock ledger as staff see it.
 *
 * @param kind RECEIPT, ADJUSTMENT, RESERVATION, RELEASE or SALE
 * @param onHandChange how much on hand changed
 * @param reservedChange how much reserved changed
 * @param reference the reservation's reference, for reservations, releases and sales
 * @param reason why, for receipts, adjustments and releases
 * @param actorId who, for receipts and adjustments
 */
public record Movement(long id, String kind, long onHandChange, long reservedChange, String reference,
        String reason, Long actorId, Instant occurredAt) {
}
