package com.buildnest.customer;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration, sign-in and sessions. None of these needs an access token; all are rate-limited. */
@RestController
@RequestMapping("/api/auth")
class AuthApiController {

    private final Registration registration;
    private final SignIn signIn;
    private final Sessions sessions;
    private final SignInThrottling throttling;

    AuthApiController(Registration registration, SignIn signIn, Sessions sessions, SignInThrottling throttling) {
        this.registration = registration;
        this.signIn = signIn;
        this.sessions = sessions;
        this.throttling = throttling;
    }

    record RegisterRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}",
                    message = "3 to 50 letters, digits, dots, hyphens or underscores") String username,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = PasswordPolicy.MAXIMUM_LENGTH) String password,
            @Size(max = 120) String fullName,
            @ValidMobileNumber String phone) {
    }

    record Registered(long id, String username, String email) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) String username,
            @NotBlank @Size(max = PasswordPolicy.MAXIMUM_LENGTH) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @PostMapping("/register")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        throttling.registration(http);
        Account account = registration.register(new Registration.Application(request.username(), request.email(),
                request.password(), request.fullName(), request.phone()));
        return ResponseEntity.created(URI.create("/api/me"))
                .body(new Registered(account.id(), account.username(), account.email()));
    }

    @PostMapping("/login")
    TokenPair login(@Valid @RequestBody LoginRequest request,
            @RequestHeader(name = "X-Cart-Token", required = false) String guestCartToken, HttpServletRequest http) {
        throttling.login(http, request.username());
        return signIn.signIn(request.username(), request.password(), guestCartToken);
    }

    @PostMapping("/refresh")
    TokenPair refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        throttling.refresh(http);
        return sessions.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        sessions.end(request.refreshToken());
    }
}
