package com.buildnest.payment;

import java.time.Instant;

/**
 * An order's payment failed or expired unpaid. Published once, when the payment leaves
 * {@code CREATED}. The customer may still pay the same gateway order: a {@link PaymentCaptured}
 * can follow it (never the other way round).
 *
 * @param paymentId the failed attempt, or null when the payment expired without one
 */
public record PaymentFailed(String orderNumber, String gatewayOrderId, String paymentId, String reason,
        Instant at) {
}
