package com.buildnest.payment;

import com.buildnest.shared.Money;

/**
 * What the browser needs to open the gateway's checkout for an order: the API contract's
 * {@code payment} object of {@code POST /api/checkout}.
 *
 * @param gateway {@code SIMULATED} or {@code RAZORPAY}
 * @param gatewayOrderId the gateway order to pay ({@code order_…})
 * @param keyId the gateway's public key id for Razorpay Checkout
 * @param amount the amount to pay
 * @param currency always {@code INR}
 */
public record GatewayCheckout(PaymentProperties.Gateway gateway, String gatewayOrderId, String keyId, Money amount,
        String currency) {
}
