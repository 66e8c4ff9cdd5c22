package com.buildnest.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

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

    /**
     * One secret, and the secret it replaced while that one's grace lasts. Each of the two secrets
     * rotates on its own: a rotation seen in two steps (the key secret's file changed first, the
     * webhook secret's a moment later) must not cut short the grace of the one replaced first.
     */
    private record Rotating(byte[] current, byte[] replaced, Instant replacedUntil) {
        static Rotating of(String secret) {
            return new Rotating(secret.getBytes(StandardCharsets.UTF_8), null, Instant.MIN);
        }

        Rotating to(String secret, Instant replacedUntil) {
            byte[] next = secret.getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(next, current) ? this : new Rotating(next, current, replacedUntil);
        }

        boolean signed(byte[] data, String signature, Instant now) {
            return matches(hmacHex(current, data), signature)
                    || replaced != null && now.isBefore(replacedUntil) && matches(hmacHex(replaced, data), signature);
        }
    }

    private volatile Rotating key;
    private volatile Rotating webhook;
    private volatile Clock clock = Clock.systemUTC();

    RazorpaySignatures(String keySecret, String webhookSecret) {
        this.key = Rotating.of(keySecret);
        this.webhook = Rotating.of(webhookSecret);
    }

    /**
     * Signs with the new secrets from now on; a secret that changed keeps verifying for {@code grace}
     * (a secret replaced earlier than that is forgotten), one that did not change keeps its own grace.
     */
    synchronized void rotate(String keySecret, String webhookSecret, Duration grace, Clock now) {
        Instant until = now.instant().plus(grace);
        clock = now;
        key = key.to(keySecret, until);
        webhook = webhook.to(webhookSecret, until);
    }

    /** Whether {@code signature} is Razorpay's for this payment of this order (the order id we stored). */
    boolean checkoutSignatureValid(String gatewayOrderId, String paymentId, String signature) {
        byte[] data = (gatewayOrderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8);
        return paymentId != null && key.signed(data, signature, clock.instant());
    }

    boolean webhookSignatureValid(byte[] body, String signature) {
        return webhook.signed(body, signature, clock.instant());
    }

    String signCheckout(String gatewayOrderId, String paymentId) {
        return hmacHex(key.current(), (gatewayOrderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    String signWebhook(byte[] body) {
        return hmacHex(webhook.current(), body);
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
