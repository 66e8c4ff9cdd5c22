package com.buildnest.partner;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-BuildNest-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC key is the subscription's secret (its UTF-8 bytes, {@code whsec_} included) and the signed
 * text is the timestamp, a dot and the exact body. During a secret rotation the header carries one
 * {@code v1} per secret, the current one first; a partner accepts the delivery if any one matches.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String header(long unixSeconds, String body, List<String> secrets) {
        return "t=" + unixSeconds + "," + secrets.stream().map(secret -> "v1=" + sign(secret, unixSeconds, body))
                .collect(Collectors.joining(","));
    }

    static String sign(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
