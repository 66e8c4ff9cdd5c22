package com.buildnest.security.attack;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * OWASP API2:2023, broken authentication: every forged or spoiled access token is refused with the
 * same 401 problem, and a refresh token presented twice ends the whole family of its session.
 */
@BuildNestTest
class AuthenticationAttackTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Test
    void forgedAndSpoiledAccessTokensAreRefused() throws Exception {
        long account = tokens.newCustomer();
        assertThat(api.get("/api/me", tokens.validFor(account)).status()).isEqualTo(200);
        List<String> forged = List.of(tokens.expiredFor(account), tokens.unsignedFor(account),
                tokens.forOtherAudience(account), tokens.withUnknownKeyId(account), tokens.tamperedFor(account),
                tokens.signedWithForeignKey(account), tokens.signedWithHs256(account), tokens.ofWrongType(account),
                "not-a-jwt", "a.b.c", "");
        for (String token : forged) {
            assertProblem(api.get("/api/me", token), 401, "auth.unauthenticated");
            // A raised role in a forged token opens nothing either.
            assertProblem(api.get("/api/admin/customers", token), 401, "auth.unauthenticated");
        }
    }

    @Test
    void reusedRefreshTokenRevokesTheWholeFamily() {
        String name = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "Correct horse battery 9";
        assertThat(api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@example.test", "password": "%s"}""".formatted(name, name, password))
                .status()).isEqualTo(201);
        JsonNode first = login(name, password);
        JsonNode second = refresh(first.get("refreshToken").asString()).json();

        // The thief replays the spent token: refused, and the family it belongs to is ended.
        assertProblem(refresh(first.get("refreshToken").asString()), 401, "auth.invalid-refresh-token");
        Response legitimate = refresh(second.get("refreshToken").asString());
        assertThat(legitimate.status()).as(legitimate.body()).isEqualTo(401);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        long account = tokens.newCustomer();
        String known = api.get("/api/me", tokens.validFor(account, Role.CUSTOMER)).json().get("username").asString();
        Response wrongPassword = api.postJson("/api/auth/login",
                "{\"username\": \"" + known + "\", \"password\": \"wrong password 1\"}");
        Response unknownUser = api.postJson("/api/auth/login",
                "{\"username\": \"nobody-" + UUID.randomUUID() + "\", \"password\": \"wrong password 1\"}");
        JsonNode a = assertProblem(wrongPassword, 401, wrongPassword.json().get("code").asString());
        JsonNode b = assertProblem(unknownUser, 401, a.get("code").asString());
        assertThat(b.get("detail")).isEqualTo(a.get("detail"));
    }

    private JsonNode login(String name, String password) {
        Response login = api.postJson("/api/auth/login",
                "{\"username\": \"" + name + "\", \"password\": \"" + password + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json();
    }

    private Response refresh(String refreshToken) {
        return api.postJson("/api/auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}");
    }
}
