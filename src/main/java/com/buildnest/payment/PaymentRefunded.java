package com.buildnest.payment;

import java.time.Instant;

import com.buildnest.shared.Money;

/**
 * The gateway accepted a refund of an order's payment. Published once per refund.
 *
 * @param full whether the payment is now refunded in full
 */
public record PaymentRefunded(String orderNumber, String refundId, Money amount, boolean full, Instant at) {
}
