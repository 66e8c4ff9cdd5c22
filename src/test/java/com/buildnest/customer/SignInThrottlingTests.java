package com.buildnest.customer;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

/**
 * Guessing passwords for one account, or flooding one address with reset mails, is throttled
 * (defaults: 5 sign-ins a minute and 3 reset requests an hour per account), with 429 and
 * Retry-After, before any password is hashed.
 */
@BuildNestTest
class SignInThrottlingTests {

    @Autowired
    ApiClient api;

    @Test
    void sixthSignInAttemptOnOneAccountWithinAMinuteIsThrottled() {
        String name = SignInAndSessionsTests.uniqueName();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(login(name, "guess number " + attempt + " of many"), 401, "auth.invalid-credentials");
        }
        Response throttled = login(name.toUpperCase(), "guess number six of many");
        assertProblem(throttled, 429, "request.throttled");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
        assertThat(login(SignInAndSessionsTests.uniqueName(), "another account entirely").status())
                .as("other accounts are not affected").isEqualTo(401);
    }

    @Test
    void fourthResetRequestForOneAddressWithinAnHourIsThrottled() {
        String email = SignInAndSessionsTests.uniqueName() + "@example.in";
        for (int request = 1; request <= 3; request++) {
            assertThat(forgot(email).status()).isEqualTo(202);
        }
        assertProblem(forgot(email), 429, "request.throttled");
    }

    private Response login(String username, String password) {
        return api.postJson("/api/auth/login", """
                {"username": "%s", "password": "%s"}""".formatted(username, password));
    }

    private Response forgot(String email) {
        return api.postJson("/api/auth/password/forgot", "{\"email\": \"%s\"}".formatted(email));
    }
}
