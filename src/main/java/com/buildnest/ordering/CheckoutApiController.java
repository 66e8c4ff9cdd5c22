package com.buildnest.ordering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/checkout}: the signed-in customer's cart becomes an order waiting for payment. */
@RestController
@Validated
class CheckoutApiController {

    private final Checkout checkout;

    CheckoutApiController(Checkout checkout) {
        this.checkout = checkout;
    }

    /**
     * @param paymentMethod how the buyer means to pay; every method goes through the payment gateway's checkout
     */
    record CheckoutBody(@NotNull @Positive Long shippingAddressId, @Size(max = 20) String billingGstin,
            @NotBlank @Pattern(regexp = "razorpay|upi|card|netbanking|wallet") String paymentMethod) {
    }

    @PostMapping("/api/checkout")
    @ResponseStatus(HttpStatus.CREATED)
    Checkout.Placed checkout(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody CheckoutBody body,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Size(min = 1, max = 100) @Pattern(regexp = "[\\x21-\\x7E]+") String idempotencyKey) {
        return checkout.place(OrderApiController.accountOf(caller),
                new Checkout.Request(body.shippingAddressId(), body.billingGstin(), body.paymentMethod()),
                idempotencyKey);
    }
}
