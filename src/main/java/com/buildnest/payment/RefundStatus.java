package com.buildnest.payment;

/**
 * Where a refund stands. {@code REQUESTED}: the amount is set aside, the gateway has not yet
 * confirmed it (a retry with the same idempotency key completes it). {@code PENDING}: accepted,
 * the bank is still processing. {@code PROCESSED}: the money is back with the customer.
 * {@code FAILED}: the gateway refused it; the amount is free to be refunded again.
 */
public enum RefundStatus {
    REQUESTED, PENDING, PROCESSED, FAILED;

    boolean accepted() {
        return this == PENDING || this == PROCESSED;
    }
}
