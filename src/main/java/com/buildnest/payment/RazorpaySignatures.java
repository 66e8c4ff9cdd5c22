package com.buildnest.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Razorpay's two signatures, both lower-case hex HMAC-SHA256: the checkout callback signs
 * {@code order_id|payment_id} with the key secret, a webhook signs its raw body with the webhook
 * secret. Comparisons take the same time whatever the input, so a forger learns nothing from timing.
 */
final class RazorpaySignatures {

    private static final String HMAC = "HmacSHA256";

    private final byte[] keySecret;
    private final byte[] webhookSecret;

    RazorpaySignatures(String keySecret, String webhookSecret) {
        this.keySecret = keySecret.getBytes(StandardCharsets.UTF_8);
        this.webhookSecret = webhookSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code signature} is Razorpay's for this payment of this order (the order id we stored). */
    boolean checkoutSignatureValid(String gatewayOrderId, String paymentId, String signature) {
        return paymentId != null && matches(signCheckout(gatewayOrderId, paymentId), signature);
    }

    boolean webhookSignatureValid(byte[] body, String signature) {
        return matches(signWebhook(body), signature);
    }

    String signCheckout(String gatewayOrderId, String paymentId) {
        return hmacHex(keySecret, (gatewayOrderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    String signWebhook(byte[] body) {
        return hmacHex(webhookSecret, body);
    }

    private static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacHex(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA256", impossible);
        }
    }

    @Override
    public String toString() {
        return "RazorpaySignatures[secrets hidden]";
    }
}
