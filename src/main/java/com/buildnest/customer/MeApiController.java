package com.buildnest.customer;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own profile, whatever their role: read it, or change the name and mobile number. */
@RestController
class MeApiController {

    private final Accounts accounts;

    MeApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/me")
    Accounts.Profile me(@AuthenticationPrincipal Jwt token) {
        return accounts.profileOf(token.getSubject());
    }

    @PatchMapping("/api/me")
    Accounts.Profile changeContactDetails(@AuthenticationPrincipal Jwt token,
            @Valid @RequestBody ProfileChanges changes) {
        return accounts.changeContactDetails(token.getSubject(), changes);
    }
}
