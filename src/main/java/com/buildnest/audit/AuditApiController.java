package com.buildnest.audit;

import jakarta.validation.constraints.Min;

import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.audit.AuditTrail.AuditEntryView;

/** The audit log for administrators. */
@RestController
@Validated
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    PagedModel<AuditEntryView> audit(@RequestParam(required = false) Long accountId,
            @RequestParam(required = false) String action, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size) {
        return new PagedModel<>(trail.read(accountId, action, page, size));
    }
}
