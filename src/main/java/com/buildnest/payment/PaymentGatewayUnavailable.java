package com.buildnest.payment;

/**
 * The payment gateway did not answer in time, answered with a server error, or refused our
 * credentials. Nothing was charged by this call; the caller may retry later. The web layer
 * answers it with {@code 502 Bad Gateway} and the problem code {@code payment.gateway-unavailable}.
 */
public class PaymentGatewayUnavailable extends RuntimeException {

    public static final String CODE = "payment.gateway-unavailable";

    public PaymentGatewayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public String code() {
        return CODE;
    }
}
