package com.buildnest.payment;

/**
 * Where a payment stands. {@code CREATED}: the gateway order exists, no successful attempt yet.
 * {@code FAILED}: the attempt failed or the payment expired; a late capture may still move it to
 * {@code CAPTURED}, because money that moved is never ignored. {@code CAPTURED}: the money is
 * taken; never moved back by a late failure. {@code PARTIALLY_REFUNDED} and {@code REFUNDED}
 * follow refunds accepted by the gateway.
 */
public enum PaymentStatus {
    CREATED, CAPTURED, FAILED, PARTIALLY_REFUNDED, REFUNDED;

    boolean refundable() {
        return this == CAPTURED || this == PARTIALLY_REFUNDED;
    }
}
