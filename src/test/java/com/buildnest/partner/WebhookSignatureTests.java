package com.buildnest.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyInHex() {
        // Reference value: printf '1764064800.{"id":"evt_1"}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertThat(WebhookSignature.sign("whsec_test", 1764064800L, "{\"id\":\"evt_1\"}"))
                .isEqualTo("6e9acb27b5890b9f8ca54b8005bd9f8c38daf7a75913e756c58924a03b58e845");
    }

    @Test
    void theHeaderCarriesTheTimestampAndOneSignaturePerSecretCurrentFirst() {
        String body = "{\"id\":\"evt_1\"}";

        assertThat(WebhookSignature.header(1764064800L, body, List.of("whsec_new", "whsec_old"))).isEqualTo(
                "t=1764064800,v1=" + WebhookSignature.sign("whsec_new", 1764064800L, body) + ",v1="
                        + WebhookSignature.sign("whsec_old", 1764064800L, body));
        assertThat(WebhookSignature.sign("whsec_new", 1764064800L, body))
                .isNotEqualTo(WebhookSignature.sign("whsec_new", 1764064801L, body))
                .isNotEqualTo(WebhookSignature.sign("whsec_new", 1764064800L, body + " "))
                .hasSize(64);
    }
}
