package com.buildnest.payment;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.platform.throttle.ClientAddress;
import com.buildnest.platform.throttle.Throttles;

/**
 * Razorpay's webhook: no bearer token (the body's HMAC signature is the credential), raw bytes
 * exactly as signed, throttled per client address. Answers 200 for every genuine event, handled,
 * repeated or ignored, so Razorpay stops redelivering it.
 */
@RestController
class RazorpayWebhookApiController {

    static final String LIMIT = "razorpay-webhook-ip";

    private final RazorpayWebhooks webhooks;
    private final Throttles throttles;
    private final ClientAddress clientAddress;

    RazorpayWebhookApiController(RazorpayWebhooks webhooks, Throttles throttles, ClientAddress clientAddress) {
        this.webhooks = webhooks;
        this.throttles = throttles;
        this.clientAddress = clientAddress;
    }

    @PostMapping("/api/webhooks/razorpay")
    Map<String, String> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Razorpay-Signature", required = false) String signature,
            @RequestHeader(name = "X-Razorpay-Event-Id", required = false) String eventId,
            HttpServletRequest request) {
        throttles.consume(LIMIT, clientAddress.throttleKey(request));
        return Map.of("outcome", webhooks.receive(body == null ? new byte[0] : body, signature, eventId));
    }
}
