package com.buildnest.customer;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** One's own profile at /api/me: read it, change the name and mobile number, and nothing else. */
@BuildNestTest
class ProfileApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    AccountRepository accounts;

    @Test
    void customerChangesNameAndMobileNumberAndSeesTheProfileAsItNowIs() {
        SignedIn customer = newCustomer();
        JsonNode before = customer.get("/api/me").json();

        Response changed = customer.patch("/api/me", Map.of("fullName", "  Asha Rao ", "phone", "098450-12345"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode profile = changed.json();
        assertThat(profile.get("id").asLong()).isEqualTo(customer.accountId());
        assertThat(profile.get("username")).isEqualTo(before.get("username"));
        assertThat(profile.get("email")).isEqualTo(before.get("email"));
        assertThat(profile.get("fullName").asString()).isEqualTo("Asha Rao");
        assertThat(profile.get("phone").asString()).isEqualTo("+919845012345");
        assertThat(profile.get("roles")).extracting(JsonNode::asString).containsExactly("CUSTOMER");
        assertThat(profile.propertyNames()).containsExactlyInAnyOrderElementsOf(before.propertyNames());
        assertThat(customer.get("/api/me").json()).isEqualTo(profile);
    }

    @Test
    void aPropertyLeftOutStaysAndNullClearsIt() {
        SignedIn customer = newCustomer();
        customer.patch("/api/me", Map.of("fullName", "Asha Rao", "phone", "9845012345"));

        JsonNode onlyPhone = customer.patch("/api/me", Map.of("phone", "+91 70123 45678")).json();
        assertThat(onlyPhone.get("fullName").asString()).isEqualTo("Asha Rao");
        assertThat(onlyPhone.get("phone").asString()).isEqualTo("+917012345678");

        Map<String, Object> clearName = new LinkedHashMap<>();
        clearName.put("fullName", null);
        JsonNode cleared = customer.patch("/api/me", clearName).json();
        assertThat(cleared.get("fullName").isNull()).isTrue();
        assertThat(cleared.get("phone").asString()).isEqualTo("+917012345678");

        JsonNode unchanged = customer.patch("/api/me", Map.of()).json();
        assertThat(unchanged).isEqualTo(cleared);
    }

    @Test
    void rolesIdAndEnabledAreRefusedByNameAndNothingChanges() {
        SignedIn customer = newCustomer();
        customer.patch("/api/me", Map.of("fullName", "Asha Rao"));
        JsonNode before = customer.get("/api/me").json();

        JsonNode problem = assertProblem(customer.patch("/api/me", """
                {"fullName": "Mallory", "phone": "9845012345", "roles": ["ADMIN", "STAFF"], "id": 1, "enabled": false}
                """), 400, "request.invalid");

        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("enabled", "id", "roles");
        assertThat(problem.get("errors")).allSatisfy(e ->
                assertThat(e.get("message").asString()).isEqualTo("cannot be changed here: only fullName and phone can"));
        assertThat(customer.get("/api/me").json()).isEqualTo(before);
        Account stored = accounts.findById(customer.accountId()).orElseThrow();
        assertThat(stored.roles()).containsExactly(Role.CUSTOMER);
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.fullName()).isEqualTo("Asha Rao");
        assertThat(stored.phone()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "username", "email", "passwordHash", "password", "createdAt", "version", "isAdmin" })
    void noOtherPropertyCanBeSetEither(String property) {
        SignedIn customer = newCustomer();
        Account before = accounts.findById(customer.accountId()).orElseThrow();

        JsonNode problem = assertProblem(customer.patch("/api/me", Map.of(property, "mallory")), 400,
                "request.invalid");

        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString()).containsExactly(property);
        Account after = accounts.findById(customer.accountId()).orElseThrow();
        assertThat(List.of(after.username(), after.email(), after.passwordHash(), after.createdAt()))
                .isEqualTo(List.of(before.username(), before.email(), before.passwordHash(), before.createdAt()));
    }

    @Test
    void aBlankNameAndAWrongNumberAreNamedAndNothingChanges() {
        SignedIn customer = newCustomer();
        customer.patch("/api/me", Map.of("fullName", "Asha Rao", "phone", "9845012345"));
        JsonNode before = customer.get("/api/me").json();

        JsonNode problem = assertProblem(customer.patch("/api/me", Map.of("fullName", "   ", "phone", "12345")), 400,
                "request.invalid");

        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("fullName", "phone");
        assertThat(problem.get("errors").get(1).get("message").asString()).isEqualTo(MobileNumber.RULE);
        assertThat(customer.get("/api/me").json()).isEqualTo(before);
    }

    @Test
    void aNameOfMoreThan120CharactersIsRefused() {
        SignedIn customer = newCustomer();
        assertThat(customer.patch("/api/me", Map.of("fullName", "A".repeat(120))).status()).isEqualTo(200);

        JsonNode problem = assertProblem(customer.patch("/api/me", Map.of("fullName", "B".repeat(121))), 400,
                "request.invalid");

        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString()).containsExactly("fullName");
        assertThat(customer.get("/api/me").json().get("fullName").asString()).isEqualTo("A".repeat(120));
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        SignedIn customer = newCustomer();
        assertProblem(customer.patch("/api/me", "[\"fullName\"]"), 400, "request.malformed");
        assertProblem(customer.patch("/api/me", "{\"fullName\": {\"first\": \"Asha\"}}"), 400, "request.malformed");
    }

    @Test
    void anonymousCallerCannotChangeAProfile() {
        Response response = api.send("PATCH", "/api/me", Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString("{\"fullName\": \"Mallory\"}"));
        assertProblem(response, 401, "auth.unauthenticated");
    }

    @Test
    void staffAndAdministratorsChangeOnlyTheirOwnProfile() {
        SignedIn customer = newCustomer();
        customer.patch("/api/me", Map.of("fullName", "Asha Rao"));
        for (Role[] roles : List.of(new Role[] { Role.STAFF }, new Role[] { Role.ADMIN, Role.STAFF })) {
            long colleagueId = tokens.newCustomer();
            SignedIn colleague = new SignedIn(api, colleagueId, tokens.validFor(colleagueId, roles));

            JsonNode profile = colleague.patch("/api/me", Map.of("fullName", "Store Staff")).json();

            assertThat(profile.get("id").asLong()).isEqualTo(colleagueId);
            assertThat(profile.get("fullName").asString()).isEqualTo("Store Staff");
        }
        assertThat(customer.get("/api/me").json().get("fullName").asString()).isEqualTo("Asha Rao");
    }

    @Test
    void aTokenWhoseAccountIsGoneChangesNothing() {
        SignedIn ghost = new SignedIn(api, 987_654_321L, tokens.validFor(987_654_321L));
        assertProblem(ghost.patch("/api/me", Map.of("fullName", "Ghost")), 404, "customer.account-not-found");
    }

    private SignedIn newCustomer() {
        long id = tokens.newCustomer();
        return new SignedIn(api, id, tokens.validFor(id));
    }
}
