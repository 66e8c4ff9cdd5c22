package com.buildnest.customer;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.customer.AccountAdministration.AccountSummary;

/** Staff's view of accounts (all of {@code /api/admin/**} needs STAFF or ADMIN); roles need ADMIN. */
@RestController
@RequestMapping("/api/admin/customers")
@Validated
class CustomerAdminApiController {

    private final AccountAdministration administration;

    CustomerAdminApiController(AccountAdministration administration) {
        this.administration = administration;
    }

    record RolesRequest(@NotNull Set<@NotNull Role> roles) {
    }

    @GetMapping
    PagedModel<AccountSummary> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) int size) {
        return new PagedModel<>(administration.list(page, size));
    }

    @PostMapping("/{id}/disable")
    AccountSummary disable(@PathVariable long id, @AuthenticationPrincipal Jwt caller) {
        return administration.setEnabled(id, false, Long.parseLong(caller.getSubject()));
    }

    @PostMapping("/{id}/enable")
    AccountSummary enable(@PathVariable long id, @AuthenticationPrincipal Jwt caller) {
        return administration.setEnabled(id, true, Long.parseLong(caller.getSubject()));
    }

    @PutMapping("/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    AccountSummary roles(@PathVariable long id, @Valid @RequestBody RolesRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return administration.setRoles(id, request.roles(), Long.parseLong(caller.getSubject()));
    }
}
