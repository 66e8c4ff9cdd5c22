package com.buildnest.customer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forgotten passwords (no token needed) and password changes (signed in). */
@RestController
class PasswordApiController {

    private final Passwords passwords;
    private final SignInThrottling throttling;

    PasswordApiController(Passwords passwords, SignInThrottling throttling) {
        this.passwords = passwords;
        this.throttling = throttling;
    }

    record ForgotRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetRequest(@NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = PasswordPolicy.MAXIMUM_LENGTH) String newPassword) {
    }

    record ChangeRequest(@NotBlank @Size(max = PasswordPolicy.MAXIMUM_LENGTH) String currentPassword,
            @NotBlank @Size(max = PasswordPolicy.MAXIMUM_LENGTH) String newPassword) {
    }

    @PostMapping("/api/auth/password/forgot")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void forgot(@Valid @RequestBody ForgotRequest request, HttpServletRequest http) {
        throttling.passwordForgotten(http, request.email());
        passwords.requestReset(request.email());
    }

    @PostMapping("/api/auth/password/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@Valid @RequestBody ResetRequest request) {
        passwords.reset(request.token(), request.newPassword());
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@Valid @RequestBody ChangeRequest request, @AuthenticationPrincipal Jwt caller) {
        passwords.change(Long.parseLong(caller.getSubject()), request.currentPassword(), request.newPassword());
    }
}
