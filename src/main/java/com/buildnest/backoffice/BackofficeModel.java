package com.buildnest.backoffice;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.platform.web.PageForms;

/**
 * What every back-office page's layout shows: who is signed in (and whether they are ADMIN, which
 * decides what the pages offer; the server checks it again on every action) and which section of
 * the menu is open.
 */
@ControllerAdvice(basePackageClasses = BackofficeModel.class)
class BackofficeModel {

    @InitBinder
    void emptyFieldsAreAbsent(WebDataBinder binder) {
        PageForms.emptyFieldsAreAbsent(binder);
    }

    @ModelAttribute("me")
    SignedInAccount me(@AuthenticationPrincipal SignedInAccount account) {
        return account;
    }

    @ModelAttribute("admin")
    boolean admin(@AuthenticationPrincipal SignedInAccount account) {
        return account != null && account.roles().contains("ADMIN");
    }

    /** The menu section of this page: the path's second segment ({@code /admin/orders/B-1} is "orders"). */
    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String[] segments = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        return segments.length > 2 ? segments[2] : "dashboard";
    }

    /** No field has a message until a form comes back refused. */
    @ModelAttribute("fieldErrors")
    Map<String, String> fieldErrors() {
        return Map.of();
    }
}
