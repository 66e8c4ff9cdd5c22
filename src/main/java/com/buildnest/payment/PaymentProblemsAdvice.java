package com.buildnest.payment;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.buildnest.platform.web.Problems;

/**
 * The payment refusals that are not business-rule violations, as RFC 9457 problems wherever they
 * surface (the ordering module's verify endpoint too): a forged signature is the caller's bad
 * request (400), a gateway that fails is a bad gateway (502). Ordered before the platform's
 * catch-all, which would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblemsAdvice {

    @ExceptionHandler(PaymentSignatureInvalid.class)
    ResponseEntity<ProblemDetail> signatureInvalid(PaymentSignatureInvalid invalid, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, invalid.code(), invalid.getMessage(), request);
    }

    @ExceptionHandler(RazorpayWebhooks.WebhookMalformed.class)
    ResponseEntity<ProblemDetail> webhookMalformed(RazorpayWebhooks.WebhookMalformed malformed,
            HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, RazorpayWebhooks.WebhookMalformed.CODE, malformed.getMessage(), request);
    }

    @ExceptionHandler(PaymentGatewayUnavailable.class)
    ResponseEntity<ProblemDetail> gatewayUnavailable(PaymentGatewayUnavailable unavailable,
            HttpServletRequest request) {
        return problem(HttpStatus.BAD_GATEWAY, unavailable.code(),
                "The payment gateway is not answering right now. Nothing was charged; please retry shortly.",
                request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
            HttpServletRequest request) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail, request));
    }
}
