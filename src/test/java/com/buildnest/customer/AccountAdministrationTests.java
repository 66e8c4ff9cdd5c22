package com.buildnest.customer;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** Staff disable and enable accounts; only administrators grant roles; everything is audited. */
@BuildNestTest
class AccountAdministrationTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    AccountRepository accounts;

    @Test
    void accountListIsForStaffAndAdministratorsOnly() {
        long someone = tokens.newCustomer();
        assertProblem(api.get("/api/admin/customers"), 401, "auth.unauthenticated");
        assertProblem(api.get("/api/admin/customers", tokens.validFor(someone, Role.CUSTOMER)), 403,
                "auth.forbidden");
        assertThat(api.get("/api/admin/customers", tokens.validFor(someone, Role.STAFF)).status()).isEqualTo(200);
        JsonNode page = api.get("/api/admin/customers?size=500", tokens.validFor(someone, Role.ADMIN)).json();
        assertThat(page.get("page").get("size").asInt()).isEqualTo(100);
        assertThat(page.get("content").get(0).has("passwordHash")).isFalse();
    }

    @Test
    void onlyAnAdministratorGrantsRolesAndTheChangeIsAudited() {
        long target = tokens.newCustomer();
        long staff = tokens.newCustomer();
        long admin = tokens.newCustomer();
        String body = "{\"roles\": [\"STAFF\"]}";

        assertProblem(putRoles(target, body, tokens.validFor(staff, Role.STAFF)), 403, "auth.forbidden");
        assertProblem(putRoles(target, body, tokens.validFor(target, Role.CUSTOMER)), 403, "auth.forbidden");
        assertThat(accounts.findById(target).orElseThrow().roles()).containsExactly(Role.CUSTOMER);

        Response granted = putRoles(target, body, tokens.validFor(admin, Role.ADMIN));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json().get("roles")).extracting(JsonNode::asString).containsExactly("CUSTOMER", "STAFF");

        JsonNode audit = api.get("/api/admin/audit?accountId=" + target, tokens.validFor(admin, Role.ADMIN))
                .json().get("content").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("account.roles-changed");
        assertThat(audit.get("actorId").asLong()).isEqualTo(admin);
        assertThat(audit.get("detail").asString()).isEqualTo("before=[CUSTOMER] after=[CUSTOMER, STAFF]");
    }

    @Test
    void unknownRoleIsABadRequest() {
        long admin = tokens.newCustomer();
        assertProblem(putRoles(tokens.newCustomer(), "{\"roles\": [\"GOD\"]}", tokens.validFor(admin, Role.ADMIN)),
                400, "request.malformed");
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndRefusesSignIn() {
        String name = SignInAndSessionsTests.uniqueName();
        api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@x.in", "password": "%s"}""".formatted(name, name,
                SignInAndSessionsTests.PASSWORD));
        JsonNode session = api.postJson("/api/auth/login", """
                {"username": "%s", "password": "%s"}""".formatted(name, SignInAndSessionsTests.PASSWORD)).json();
        long id = accounts.findByUsername(name).orElseThrow().id();
        String staff = tokens.validFor(tokens.newCustomer(), Role.STAFF);

        Response disabled = api.send("POST", "/api/admin/customers/" + id + "/disable",
                Map.of("Authorization", "Bearer " + staff), HttpRequest.BodyPublishers.noBody());
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

        assertProblem(api.postJson("/api/auth/refresh", "{\"refreshToken\": \"%s\"}"
                .formatted(session.get("refreshToken").asString())), 401, "auth.invalid-refresh-token");
        assertProblem(api.postJson("/api/auth/login", """
                {"username": "%s", "password": "%s"}""".formatted(name, SignInAndSessionsTests.PASSWORD)), 401,
                "auth.invalid-credentials");
    }

    @Test
    void failedSignInIsAuditedWithoutTheSecret() {
        String name = SignInAndSessionsTests.uniqueName();
        api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@x.in", "password": "%s"}""".formatted(name, name,
                SignInAndSessionsTests.PASSWORD));
        long id = accounts.findByUsername(name).orElseThrow().id();
        api.postJson("/api/auth/login", """
                {"username": "%s", "password": "Wrong-but-secret-guess-77"}""".formatted(name));

        Response audit = api.get("/api/admin/audit?accountId=" + id, tokens.validFor(tokens.newCustomer(), Role.ADMIN));
        assertThat(audit.json().get("content")).extracting(e -> e.get("action").asString())
                .contains("sign-in.failed", "account.registered");
        assertThat(audit.body()).doesNotContain("Wrong-but-secret-guess-77", SignInAndSessionsTests.PASSWORD);
        assertProblem(api.get("/api/admin/audit", tokens.validFor(id, Role.STAFF)), 403, "auth.forbidden");
    }

    private Response putRoles(long accountId, String body, String token) {
        return api.send("PUT", "/api/admin/customers/" + accountId + "/roles",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
                HttpRequest.BodyPublishers.ofString(body));
    }
}
