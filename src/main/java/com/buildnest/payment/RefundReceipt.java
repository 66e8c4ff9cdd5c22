package com.buildnest.payment;

import com.buildnest.shared.Money;

/**
 * One refund of an order's payment.
 *
 * @param orderNumber the order whose payment is refunded
 * @param refundId the gateway's refund id ({@code rfnd_…}); null while {@code REQUESTED}
 * @param amount the amount of this refund
 * @param status where this refund stands
 * @param fullyRefunded whether the payment is now refunded in full
 */
public record RefundReceipt(String orderNumber, String refundId, Money amount, RefundStatus status,
        boolean fullyRefunded) {
}
