package com.buildnest.customer;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.customer.IdentityEvents.AllTokensRevoked;

/** The operator's controls over signing keys and tokens. Administrators only; every call is audited. */
@RestController
@RequestMapping("/api/admin/security")
@PreAuthorize("hasRole('ADMIN')")
class SecurityAdminApiController {

    private final SigningKeys signingKeys;
    private final EmergencySignOut emergencySignOut;

    SecurityAdminApiController(SigningKeys signingKeys, EmergencySignOut emergencySignOut) {
        this.signingKeys = signingKeys;
        this.emergencySignOut = emergencySignOut;
    }

    /** Which key this replica signs with: the way to see a rotation has reached it. */
    @GetMapping("/signing-key")
    Map<String, String> signingKey() {
        return Map.of("keyId", signingKeys.currentKeyId());
    }

    /** Emergency revocation: see docs/runbooks/secret-rotation.md. */
    @PostMapping("/revoke-all-tokens")
    AllTokensRevoked revokeAllTokens(@AuthenticationPrincipal Jwt caller) {
        return signingKeys.revokeEverything(Long.parseLong(caller.getSubject()));
    }

    /** The operator's note on why: written to the audit log, never to customers. */
    record EmergencyRotationRequest(@NotBlank @Size(max = 200) String reason) {
    }

    /**
     * Emergency revocation that also tells every signed-in customer by mail why they must sign in
     * again: see docs/runbooks/secret-rotation.md.
     */
    @PostMapping("/emergency-rotation")
    EmergencySignOut.Outcome emergencyRotation(@AuthenticationPrincipal Jwt caller,
            @Valid @RequestBody EmergencyRotationRequest request) {
        return emergencySignOut.signOutEveryone(Long.parseLong(caller.getSubject()), request.reason());
    }
}
