package com.buildnest.ordering;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.payment.PaymentSummary;
import com.buildnest.payment.Payments;

/**
 * {@code POST /api/payments/razorpay/verify}: the browser hands over what Razorpay Checkout gave it
 * after a payment. The payment module checks the signature against the gateway order we stored and
 * asks the gateway; the captured payment pays the order (the webhook may have done so already: the
 * two paths converge on one state change). Answers with the order: as this call's payment
 * listener left it when this call paid it, read afresh when the webhook paid it first.
 */
@RestController
class PaymentVerificationApiController {

    private final Payments payments;
    private final Orders orders;
    private final PaidOrderViews paidViews;

    PaymentVerificationApiController(Payments payments, Orders orders, PaidOrderViews paidViews) {
        this.payments = payments;
        this.orders = orders;
        this.paidViews = paidViews;
    }

    record Verification(@JsonProperty("razorpay_order_id") @NotBlank @Size(max = 40) String razorpayOrderId,
            @JsonProperty("razorpay_payment_id") @NotBlank @Size(max = 40) String razorpayPaymentId,
            @JsonProperty("razorpay_signature") @NotBlank @Size(max = 128) String razorpaySignature) {
    }

    @PostMapping("/api/payments/razorpay/verify")
    OrderView verify(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody Verification verification) {
        long accountId = OrderApiController.accountOf(caller);
        PaidOrderViews.Caught<PaymentSummary> confirmed = paidViews.catching(() -> payments.confirmCheckout(accountId,
                verification.razorpayOrderId(), verification.razorpayPaymentId(), verification.razorpaySignature()));
        String orderNumber = confirmed.result().orderNumber();
        // this call paid the order: answer with it as paid; otherwise (the webhook came first) read it
        return confirmed.paidOrder(orderNumber, accountId).orElseGet(() -> orders.ofCustomer(accountId, orderNumber));
    }
}
