package com.buildnest.backoffice;

import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.customer.AccountAdministration;
import com.buildnest.customer.Role;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Accounts: search and page through them, disable and enable one (STAFF and ADMIN, as the API
 * allows), and set its roles (ADMIN only: {@link BackofficeSecurity#ADMIN_ONLY} refuses anyone
 * else, and the page offers the form to administrators only). The customer module's
 * {@link AccountAdministration} decides, e.g. that nobody disables or demotes themselves.
 */
@Hidden
@Controller
@RequestMapping("/admin/customers")
class CustomerPages {

    private final AccountAdministration accounts;

    CustomerPages(AccountAdministration accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String customers(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("accounts", accounts.search(q, PageRefusals.pageIndex(page), PageRefusals.PAGE_SIZE));
        model.addAttribute("q", q);
        return "admin/customers";
    }

    @GetMapping("/{id}")
    String customer(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.account(id));
        model.addAttribute("allRoles", Role.values());
        return "admin/customer";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return enabled(id, false, me, response, model, redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return enabled(id, true, me, response, model, redirect);
    }

    /** The customer role always stays (the module keeps it); the boxes choose STAFF and ADMIN. */
    @PostMapping("/{id}/roles")
    String roles(@PathVariable long id, @RequestParam(required = false) Set<Role> roles,
            @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        try {
            var account = accounts.setRoles(id, chosen, me.accountId());
            redirect.addFlashAttribute("notice", "Roles of " + account.username() + ": " + account.roles() + ".");
            return "redirect:/admin/customers/" + id;
        } catch (BusinessRuleViolation refused) {
            return refusedOn(id, PageRefusals.shown(refused, response), model);
        }
    }

    private String enabled(long id, boolean enabled, SignedInAccount me, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            var account = accounts.setEnabled(id, enabled, me.accountId());
            redirect.addFlashAttribute("notice", account.username() + (enabled ? " is enabled." : " is disabled and signed out everywhere."));
            return "redirect:/admin/customers/" + id;
        } catch (BusinessRuleViolation refused) {
            return refusedOn(id, PageRefusals.shown(refused, response), model);
        }
    }

    private String refusedOn(long id, BusinessRuleViolation refused, Model model) {
        model.addAttribute("formError", refused.getMessage());
        return customer(id, model);
    }
}
