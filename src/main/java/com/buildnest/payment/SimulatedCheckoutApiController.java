package com.buildnest.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.payment.SimulatedCheckout.BrowserCallback;

/** The simulated gateway's checkout: the owner pays a gateway order, or fails to. */
@RestController
class SimulatedCheckoutApiController {

    private final SimulatedCheckout checkout;

    SimulatedCheckoutApiController(SimulatedCheckout checkout) {
        this.checkout = checkout;
    }

    /** {@code {"outcome": "success" | "failure"}}. */
    record PayRequest(@NotNull @Pattern(regexp = "success|failure") String outcome) {
    }

    @PostMapping("/api/payments/simulated/{gatewayOrderId}/pay")
    BrowserCallback pay(@AuthenticationPrincipal Jwt token, @PathVariable String gatewayOrderId,
            @Valid @RequestBody PayRequest request) {
        return checkout.pay(Long.parseLong(token.getSubject()), gatewayOrderId, "success".equals(request.outcome()));
    }
}
