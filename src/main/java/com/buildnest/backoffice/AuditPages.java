package com.buildnest.backoffice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import com.buildnest.audit.AuditTrail;
import com.buildnest.audit.AuditTrail.AuditEntryView;
import com.buildnest.audit.AuditTrail.AuditFilter;
import com.buildnest.customer.AccountAdministration;

/**
 * The audit log, newest first, filtered by who did it, to which account, the action, the thing it
 * was done to and a date range (days in India's time). ADMIN only, as the API's audit endpoint is
 * ({@link BackofficeSecurity#ADMIN_ONLY}).
 */
@Hidden
@Controller
class AuditPages {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final AuditTrail trail;
    private final AccountAdministration accounts;

    AuditPages(AuditTrail trail, AccountAdministration accounts) {
        this.trail = trail;
        this.accounts = accounts;
    }

    /** The filters as typed; empty ones bind as null (BackofficeModel). */
    record AuditForm(Long actor, Long account, String action, String entity,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    @GetMapping("/admin/audit")
    String audit(@ModelAttribute("filters") AuditForm form, BindingResult errors,
            @RequestParam(defaultValue = "0") int page, HttpServletResponse response, Model model) {
        Map<String, String> fieldErrors = PageRefusals.messages(errors);
        errors.getFieldErrors().stream().filter(error -> error.isBindingFailure() && error.getField().matches("from|to"))
                .forEach(error -> fieldErrors.put(error.getField(), "Enter a date such as 2026-11-26."));
        if (fieldErrors.isEmpty() && form.from() != null && form.to() != null && form.to().isBefore(form.from())) {
            fieldErrors.put("to", "The range ends on or after its first day.");
        }
        if (!fieldErrors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("fieldErrors", fieldErrors);
            model.addAttribute("entries", Page.empty());
            model.addAttribute("people", Map.of());
            return "admin/audit";
        }
        Page<AuditEntryView> entries = trail.search(new AuditFilter(form.actor(), form.account(), form.action(),
                form.entity(), form.from() == null ? null : form.from().atStartOfDay(INDIA).toInstant(),
                form.to() == null ? null : form.to().plusDays(1).atStartOfDay(INDIA).toInstant()),
                PageRefusals.pageIndex(page), PageRefusals.PAGE_SIZE);
        model.addAttribute("entries", entries);
        model.addAttribute("people", accounts.usernames(entries.getContent().stream()
                .flatMap(entry -> Stream.of(entry.actorId(), entry.accountId())).filter(Objects::nonNull).distinct()
                .toList()));
        return "admin/audit";
    }
}
