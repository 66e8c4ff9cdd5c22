package com.buildnest.storefront;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.buildnest.customer.Passwords;
import com.buildnest.customer.SignInThrottling;
import com.buildnest.platform.throttle.Throttled;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * A forgotten password, through the customer module's reset flow (the one behind
 * {@code /api/auth/password/*}): the link it mails opens {@code /reset-password?token=…}
 * ({@code buildnest.customer.sessions.password-reset-url}). In the embedded default the mail
 * lands in the mail outbox ({@code GET /api/admin/outbox}, staff), or on the configured SMTP server.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class PasswordController {

    private final Passwords passwords;
    private final SignInThrottling throttling;

    PasswordController(Passwords passwords, SignInThrottling throttling) {
        this.passwords = passwords;
        this.throttling = throttling;
    }

    @GetMapping("/password/forgot")
    String forgotPage() {
        return "password-forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(required = false) String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,189}")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("email", email);
            model.addAttribute("fieldErrors", Map.of("email", "Enter the e-mail address of your account."));
            return "password-forgot";
        }
        try {
            throttling.passwordForgotten(request, email);
        } catch (Throttled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("email", email);
            model.addAttribute("fieldErrors", Map.of("email", "Too many requests. Wait a minute and try again."));
            return "password-forgot";
        }
        passwords.requestReset(email);
        model.addAttribute("sent", true);
        return "password-forgot";
    }

    @GetMapping("/reset-password")
    String resetPage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "password-reset";
    }

    @PostMapping("/reset-password")
    String reset(@RequestParam(required = false) String token, @RequestParam(required = false) String newPassword,
            HttpServletResponse response, Model model) {
        try {
            if (newPassword == null || newPassword.isBlank()) {
                throw BusinessRuleViolation.invalidField("request.invalid", "newPassword", "Choose a new password.");
            }
            passwords.reset(token == null ? "" : token, newPassword);
        } catch (BusinessRuleViolation refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("fieldErrors", Map.of(refused.field() == null ? "newPassword" : refused.field(),
                    refused.getMessage()));
            return "password-reset";
        }
        return "redirect:/signin?reset";
    }
}
