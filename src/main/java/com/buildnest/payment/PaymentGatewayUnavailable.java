package com.buildnest.payment;

import com.buildnest.shared.DependencyUnavailable;

/**
 * The payment gateway did not answer in time, answered with a server error, or refused our
 * credentials. Nothing was charged by this call; the caller may retry later. The JSON
 * API answers it with {@code 502 Bad Gateway} and the problem code {@code payment.gateway-unavailable};
 * a page that meets it is the 503 page saying the payment gateway is not answering.
 */
public class PaymentGatewayUnavailable extends RuntimeException implements DependencyUnavailable {

    public static final String CODE = "payment.gateway-unavailable";

    public PaymentGatewayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public String code() {
        return CODE;
    }

    @Override
    public String dependency() {
        return "The payment gateway";
    }
}
