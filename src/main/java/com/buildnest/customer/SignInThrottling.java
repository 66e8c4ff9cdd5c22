package com.buildnest.customer;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import com.buildnest.platform.throttle.ClientAddress;
import com.buildnest.platform.throttle.Throttles;

/**
 * The rate limits of the sign-in endpoints, per client address and per account, checked before
 * any password is hashed or transaction opened (limits: {@code buildnest.platform.throttle.limits}).
 */
@Component
public class SignInThrottling {

    private final Throttles throttles;
    private final ClientAddress clientAddress;

    SignInThrottling(Throttles throttles, ClientAddress clientAddress) {
        this.throttles = throttles;
        this.clientAddress = clientAddress;
    }

    public void login(HttpServletRequest request, String identifier) {
        throttles.consume("login-ip", clientAddress.throttleKey(request));
        throttles.consume("login-account", Account.normalise(identifier));
    }

    public void registration(HttpServletRequest request) {
        throttles.consume("register-ip", clientAddress.throttleKey(request));
    }

    public void passwordForgotten(HttpServletRequest request, String email) {
        throttles.consume("password-forgot-ip", clientAddress.throttleKey(request));
        throttles.consume("password-forgot-account", Account.normalise(email));
    }

    void refresh(HttpServletRequest request) {
        throttles.consume("refresh-ip", clientAddress.throttleKey(request));
    }
}
