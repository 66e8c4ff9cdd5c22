package com.buildnest.customer;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own profile. */
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
}
