package com.buildnest.payment;

import java.time.Instant;

import com.buildnest.shared.Money;

/**
 * The money for an order was taken. Published exactly once per payment, by whichever of the
 * browser callback, the webhook and the reconciliation settles it first.
 */
public record PaymentCaptured(String orderNumber, String gatewayOrderId, String paymentId, Money amount,
        Instant at) {
}
