package com.buildnest.payment;

/**
 * A checkout callback or a webhook carries a signature that is not the gateway's: forged, made
 * for another order, or tampered with. Nothing was changed. The web layer answers it with
 * {@code 400 Bad Request} and the problem code {@link #code()}: {@code payment.signature-invalid}
 * for a checkout callback, {@code payment.webhook-signature-invalid} for a webhook.
 */
public class PaymentSignatureInvalid extends RuntimeException {

    public static final String CHECKOUT = "payment.signature-invalid";
    public static final String WEBHOOK = "payment.webhook-signature-invalid";

    private final String code;

    public PaymentSignatureInvalid(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
