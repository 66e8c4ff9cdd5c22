package com.buildnest.customer;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;

import tools.jackson.databind.JsonNode;

/** Registration, sign-in by username or e-mail, refresh-token rotation with reuse detection, sign-out. */
@BuildNestTest
class SignInAndSessionsTests {

    static final String PASSWORD = "Ordered 40 bags of cement at dawn";

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    AccountRepository accounts;

    @Autowired
    RefreshTokenRepository refreshTokens;

    @Autowired
    SignIn signIn;

    @Test
    void registeredCustomerSignsInByUsernameOrEmailAndSeesTheirProfile() {
        Customer customer = register();
        JsonNode byUsername = login(customer.username(), PASSWORD).json();
        JsonNode byEmail = login(customer.email().toUpperCase(), PASSWORD).json();

        assertThat(byUsername.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(byUsername.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(byUsername.get("refreshToken").asString()).hasSize(43);
        JsonNode me = api.get("/api/me", byEmail.get("accessToken").asString()).json();
        assertThat(me.get("username").asString()).isEqualTo(customer.username());
        assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("CUSTOMER");
    }

    @Test
    void registrationAnswersWithTheNewAccountAndStoresAnArgon2idHash() {
        String name = uniqueName();
        Response response = api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@example.in", "password": "%s", "fullName": "Ravi Kumar",
                 "phone": "098450 12345"}"""
                .formatted(name.toUpperCase(), name, PASSWORD));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("username").asString()).isEqualTo(name);
        assertThat(response.json().get("email").asString()).isEqualTo(name + "@example.in");
        assertThat(response.body()).doesNotContain("password");
        Account stored = accounts.findByUsername(name).orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
        assertThat(stored.fullName()).isEqualTo("Ravi Kumar");
        assertThat(stored.phone()).isEqualTo("+919845012345");
    }

    @Test
    void duplicateUsernameOrEmailIsAConflictAndCreatesNothing() {
        Customer customer = register();
        long before = accounts.count();
        assertProblem(api.postJson("/api/auth/register", registration(customer.username(), uniqueName() + "@x.in")),
                409, "customer.username-taken");
        assertProblem(api.postJson("/api/auth/register", registration(uniqueName(), customer.email())),
                409, "customer.email-taken");
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void commonOrGuessablePasswordsAreRefusedNamingThePasswordField() {
        long before = accounts.count();
        JsonNode common = assertProblem(api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@x.in", "password": "qwertyuiop123"}""".formatted(uniqueName(),
                uniqueName())), 422, "customer.password-too-weak").get("errors").get(0);
        assertThat(common.get("field").asString()).isEqualTo("password");
        assertProblem(api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@x.in", "password": "short"}""".formatted(uniqueName(), uniqueName())),
                422, "customer.password-too-weak");
        String name = uniqueName();
        assertProblem(api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@x.in", "password": "%s%s"}""".formatted(name, name, name, name)),
                422, "customer.password-too-weak");
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void malformedRegistrationNamesEachBadField() {
        JsonNode problem = assertProblem(api.postJson("/api/auth/register", """
                {"username": "a b", "email": "not-an-email", "password": "", "phone": "12345"}"""), 400,
                "request.invalid");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .contains("username", "email", "password", "phone");
    }

    @Test
    void wrongPasswordOrUnknownAccountGetTheSameRefusal() {
        Customer customer = register();
        assertProblem(login(customer.username(), PASSWORD + "!"), 401, "auth.invalid-credentials");
        assertProblem(login("nobody-" + uniqueName(), PASSWORD), 401, "auth.invalid-credentials");
    }

    @Test
    void signInCostsAtMostThreeStatements() {
        Customer customer = register();

        // Counted on this thread only: the application's background jobs run statements of their own meanwhile.
        List<String> statements = StatementCounter.statementsOf(() -> signIn.signIn(customer.username(), PASSWORD, null));

        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void refreshReplacesBothTokensAndSpendsTheOldRefreshToken() {
        JsonNode first = login(register().username(), PASSWORD).json();
        Response refreshed = refresh(first.get("refreshToken").asString());
        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode second = refreshed.json();
        assertThat(second.get("refreshToken").asString()).isNotEqualTo(first.get("refreshToken").asString());
        assertThat(api.get("/api/me", second.get("accessToken").asString()).status()).isEqualTo(200);
        assertThat(refresh(second.get("refreshToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() {
        JsonNode first = login(register().username(), PASSWORD).json();
        String stolen = first.get("refreshToken").asString();
        String current = refresh(stolen).json().get("refreshToken").asString();

        assertProblem(refresh(stolen), 401, "auth.invalid-refresh-token");
        assertProblem(refresh(current), 401, "auth.invalid-refresh-token");
    }

    @Test
    void signingOutEndsTheSessionAndUnknownTokensAreNotAnError() {
        JsonNode session = login(register().username(), PASSWORD).json();
        String refreshToken = session.get("refreshToken").asString();
        assertThat(api.postJson("/api/auth/logout", "{\"refreshToken\": \"%s\"}".formatted(refreshToken)).status())
                .isEqualTo(204);
        assertProblem(refresh(refreshToken), 401, "auth.invalid-refresh-token");
        assertThat(api.postJson("/api/auth/logout", "{\"refreshToken\": \"never-issued\"}").status()).isEqualTo(204);
    }

    @Test
    void garbageRefreshTokenIsRefused() {
        assertProblem(refresh("x".repeat(43)), 401, "auth.invalid-refresh-token");
        assertProblem(api.postJson("/api/auth/refresh", "{}"), 400, "request.invalid");
    }

    record Customer(String username, String email) {
    }

    private Customer register() {
        String name = uniqueName();
        Response response = api.postJson("/api/auth/register", registration(name, name + "@example.in"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Customer(name, name + "@example.in");
    }

    private static String registration(String username, String email) {
        return """
                {"username": "%s", "email": "%s", "password": "%s"}""".formatted(username, email, PASSWORD);
    }

    private Response login(String username, String password) {
        return api.postJson("/api/auth/login", """
                {"username": "%s", "password": "%s"}""".formatted(username, password));
    }

    private Response refresh(String refreshToken) {
        return api.postJson("/api/auth/refresh", "{\"refreshToken\": \"%s\"}".formatted(refreshToken));
    }

    static String uniqueName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
