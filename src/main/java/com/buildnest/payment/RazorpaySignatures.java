package com.buildnest.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Razorpay's two signatures, both lower-case hex HMAC-SHA256: the checkout callback signs
 * {@code order_id|payment_id} with the key secret, a webhook signs its raw body with the webhook
 * secret. Comparisons take the same time whatever the input, so a forger learns nothing from timing.
 *
 * <p>The secrets rotate ({@link #rotate}): new signatures use the new secrets at once, while the
 * replaced ones still verify for a grace period, so that a webhook Razorpay signed, or a checkout
 * it started, just before the switch is not refused.
 */
final class RazorpaySignatures {

    private static final String HMAC = "HmacSHA256";

    private record Secrets(byte[] key, byte[] webhook) {
        static Secrets of(String keySecret, String webhookSecret) {
            return new Secrets(keySecret.getBytes(StandardCharsets.UTF_8),
                    webhookSecret.getBytes(StandardCharsets.UTF_8));
        }
    }

    private volatile Secrets current;
    private volatile Secrets replaced;
    private volatile Instant replacedUntil = Instant.MIN;
    private volatile Clock clock = Clock.systemUTC();

    RazorpaySignatures(String keySecret, String webhookSecret) {
        this.current = Secrets.of(keySecret, webhookSecret);
    }

    /**
     * Signs with the new secrets from now on; the secrets replaced keep verifying for {@code grace}
     * (a secret replaced earlier than that is forgotten).
     */
    synchronized void rotate(String keySecret, String webhookSecret, Duration grace, Clock now) {
        replaced = current;
        replacedUntil = now.instant().plus(grace);
        clock = now;
        current = Secrets.of(keySecret, webhookSecret);
    }

    /** Whether {@code signature} is Razorpay's for this payment of this order (the order id we stored). */
    boolean checkoutSignatureValid(String gatewayOrderId, String paymentId, String signature) {
        byte[] data = (gatewayOrderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8);
        return paymentId != null && signedByCurrentOrReplaced(Secrets::key, data, signature);
    }

    boolean webhookSignatureValid(byte[] body, String signature) {
        return signedByCurrentOrReplaced(Secrets::webhook, body, signature);
    }

    String signCheckout(String gatewayOrderId, String paymentId) {
        return hmacHex(current.key(), (gatewayOrderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    String signWebhook(byte[] body) {
        return hmacHex(current.webhook(), body);
    }

    private boolean signedByCurrentOrReplaced(Function<Secrets, byte[]> secret, byte[] data, String signature) {
        if (matches(hmacHex(secret.apply(current), data), signature)) {
            return true;
        }
        Secrets previous = replaced;
        return previous != null && clock.instant().isBefore(replacedUntil)
                && matches(hmacHex(secret.apply(previous), data), signature);
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
