package com.buildnest.customer;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.OpsScript;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key ring as an operator meets it, with the signing secret in a mounted file as in
 * Kubernetes: replacing the file rotates the key without a restart, tokens of the old key keep
 * working through the grace period and fail after it, and the emergency revocation ends every
 * session at once, on this replica and on any other at its next round. Runs in its own context (a short grace; revocations would disturb other tests).
 * Each step here is a step of docs/runbooks/secret-rotation.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ ApiClient.class, AccessTokens.class })
class SigningKeyRotationTests {

    static final Duration GRACE = Duration.ofSeconds(3);
    static Path secretFile;

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    TokenRevocationRepository revocations;

    @Autowired
    RefreshTokenRepository refreshTokens;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Autowired
    AccountRepository accounts;

    @DynamicPropertySource
    static void mountedSecret(DynamicPropertyRegistry properties) throws IOException {
        Path directory = Files.createTempDirectory("buildnest-secrets");
        secretFile = directory.resolve("buildnest.customer.jwt.secret");
        Files.writeString(secretFile, newSecret());
        properties.add("buildnest.customer.jwt.secret-file", secretFile::toString);
        properties.add("buildnest.customer.jwt.rotation-grace", () -> GRACE.toMillis() + "ms");
        properties.add("buildnest.customer.jwt.reload-interval", () -> "500ms");
    }

    @Test
    void rotatingTheMountedSecretChangesTheKeyAndOldTokensLastOnlyTheirGrace() throws Exception {
        long customer = tokens.newCustomer();
        String admin = tokens.validFor(tokens.newCustomer(), Role.ADMIN);
        String keyBefore = api.get("/api/admin/security/signing-key", admin).json().get("keyId").asString();
        String oldToken = tokens.validFor(customer);

        String newKeyId = OpsScript.run("secrets/rotate-jwt-secret.sh", "--secrets-dir",
                secretFile.getParent().toString());
        assertThat(newKeyId).hasSize(16).isNotEqualTo(keyBefore);
        awaitSigningKeyOtherThan(keyBefore, admin);
        assertThat(api.get("/api/admin/security/signing-key", tokens.validFor(customer, Role.ADMIN)).json()
                .get("keyId").asString()).isEqualTo(newKeyId);

        assertThat(api.get("/api/me", oldToken).status()).as("within the grace").isEqualTo(200);
        assertThat(api.get("/api/me", tokens.validFor(customer)).status()).isEqualTo(200);
        Thread.sleep(GRACE.plusMillis(500).toMillis());
        assertProblem(api.get("/api/me", oldToken), 401, "auth.unauthenticated");
        assertThat(api.get("/api/me", tokens.validFor(customer)).status()).isEqualTo(200);
    }

    @Test
    void emergencyRevocationEndsEverySessionAndEveryEarlierAccessToken() throws Exception {
        long customer = tokens.newCustomer();
        String customerToken = tokens.validFor(customer);
        String admin = tokens.validFor(tokens.newCustomer(), Role.ADMIN);
        assertThat(api.get("/api/me", customerToken).status()).isEqualTo(200);
        assertProblem(api.postJson("/api/admin/security/revoke-all-tokens", "", customerToken), 403,
                "auth.forbidden");

        Path adminTokenFile = Files.createTempFile("admin-token", "");
        Files.writeString(adminTokenFile, admin);
        JsonNode result = JsonMapper.builder().build().readTree(OpsScript.run("secrets/revoke-all-tokens.sh",
                "--url", api.baseUrl(), "--admin-token-file", adminTokenFile.toString()));
        Files.delete(adminTokenFile);
        assertThat(result.get("trustedKeyId").asString()).isEqualTo(
                api.get("/api/admin/security/signing-key", tokens.validFor(customer, Role.ADMIN))
                        .json().get("keyId").asString());

        assertProblem(api.get("/api/me", customerToken), 401, "auth.unauthenticated");
        assertProblem(api.get("/api/me", admin), 401, "auth.unauthenticated");

        // Another replica: its own key ring over the same secret file and database, at its next round.
        KeyRing otherReplica = new KeyRing(new SigningKeySource(secretFile, null, null), clock, GRACE);
        new SigningKeys(otherReplica, revocations, refreshTokens, events, clock).keepInStep();
        assertThat(otherReplica.revokedBefore().toString()).isEqualTo(result.get("revokedBefore").asString());
        assertThat(api.get("/api/me", tokens.validFor(customer)).status()).isEqualTo(200);
    }

    @Test
    void emergencyRotationMailsEveryoneItSignedOutAndLeavesAnAuditTrail() throws Exception {
        long signedIn = tokens.newCustomer();
        Account customer = accounts.findById(signedIn).orElseThrow();
        Response login = api.postJson("/api/auth/login", "{\"username\":\"" + customer.username()
                + "\",\"password\":\"unused password here\"}");
        assertThat(login.status()).isEqualTo(200);
        Account notSignedIn = accounts.findById(tokens.newCustomer()).orElseThrow();
        assertProblem(api.postJson("/api/admin/security/emergency-rotation", "{\"reason\":\"drill\"}",
                tokens.validFor(signedIn)), 403, "auth.forbidden");
        String admin = tokens.validFor(tokens.newCustomer(), Role.ADMIN);
        assertProblem(api.postJson("/api/admin/security/emergency-rotation", "{\"reason\":\" \"}", admin), 400,
                "request.invalid");

        Path adminTokenFile = Files.createTempFile("admin-token", "");
        Files.writeString(adminTokenFile, admin);
        JsonNode result = JsonMapper.builder().build().readTree(OpsScript.run("secrets/revoke-all-tokens.sh",
                "--url", api.baseUrl(), "--admin-token-file", adminTokenFile.toString(), "--notify-customers",
                "--reason", "drill: signing key may have leaked"));
        Files.delete(adminTokenFile);

        assertThat(result.get("customersNotified").asInt()).isPositive();
        assertProblem(api.get("/api/me", login.json().get("accessToken").asString()), 401, "auth.unauthenticated");
        assertThat(api.postJson("/api/auth/refresh", "{\"refreshToken\":\""
                + login.json().get("refreshToken").asString() + "\"}").status()).isEqualTo(401);
        String freshAdmin = tokens.validFor(customer.id(), Role.ADMIN);
        List<JsonNode> mails = new ArrayList<>();
        api.get("/api/admin/outbox?size=100", freshAdmin).json().get("content").forEach(mails::add);
        assertThat(mails).filteredOn(mail -> mail.get("recipient").asString().equals(customer.email()))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.get("subject").asString()).isEqualTo(EmergencySignOut.SUBJECT);
                    assertThat(mail.get("body").asString()).startsWith("Hello " + customer.username() + ",")
                            .contains("signed you out of BuildNest on every device")
                            .doesNotContain("drill");
                });
        assertThat(mails).noneMatch(mail -> mail.get("recipient").asString().equals(notSignedIn.email()));
        JsonNode audit = api.get("/api/admin/audit?action=security.emergency-rotation", freshAdmin).json()
                .get("content").get(0);
        assertThat(audit.get("detail").asString()).isEqualTo("customers-notified="
                + result.get("customersNotified").asInt() + " reason=drill: signing key may have leaked");
    }

    private void awaitSigningKeyOtherThan(String keyId, String adminToken) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            Response response = api.get("/api/admin/security/signing-key", adminToken);
            if (response.status() == 200 && !response.json().get("keyId").asString().equals(keyId)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the replaced secret file was not picked up within 10 s");
    }

    private static String newSecret() {
        byte[] secret = new byte[64];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
