package com.buildnest.payment;

import com.buildnest.shared.Money;

/**
 * A payment as other modules see it.
 *
 * @param orderNumber the caller's opaque reference the payment was started for
 * @param gateway {@code SIMULATED} or {@code RAZORPAY}
 * @param gatewayOrderId the gateway's order id ({@code order_…})
 * @param gatewayPaymentId the successful attempt ({@code pay_…}), or null before a capture
 * @param amount the amount to be paid (or paid)
 * @param refunded refunds accepted or in flight
 * @param status where the payment stands
 */
public record PaymentSummary(String orderNumber, PaymentProperties.Gateway gateway, String gatewayOrderId,
        String gatewayPaymentId, Money amount, Money refunded, PaymentStatus status) {
}
