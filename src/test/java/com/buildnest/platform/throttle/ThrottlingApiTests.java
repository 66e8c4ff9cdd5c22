package com.buildnest.platform.throttle;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.customer.AccessTokens;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * A used-up limit as a client sees it: 429 with {@code Retry-After} and the problem code
 * {@code request.throttled}. Runs on the shared application, so in-process buckets on the embedded
 * default and Redis under .ci/run; each run uses a key of its own.
 */
@BuildNestTest
class ThrottlingApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    String customer;

    @BeforeEach
    void signIn() {
        customer = tokens.validFor(tokens.newCustomer());
    }

    @Test
    void usedUpLimitAnswersTooManyRequestsWithRetryAfter() {
        String key = UUID.randomUUID().toString();
        assertThat(api.get("/api/probe/throttled/" + key, customer).body()).isEqualTo("allowed");
        assertThat(api.get("/api/probe/throttled/" + key, customer).body()).isEqualTo("allowed");

        Response refused = api.get("/api/probe/throttled/" + key, customer);

        JsonNode problem = assertProblem(refused, 429, "request.throttled");
        // 2 per hour: the next attempt is due half an hour after the first one.
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1790L, 1800L);
        assertThat(problem.get("detail").asString()).isEqualTo(
                "Too many attempts. Please wait " + retryAfter + " seconds before trying again.");
        assertThat(refused.body()).doesNotContain("test-probe");
    }

    @Test
    void otherKeysAreNotHeldBackByAUsedUpOne() {
        String used = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            api.get("/api/probe/throttled/" + used, customer);
        }
        assertThat(api.get("/api/probe/throttled/" + UUID.randomUUID(), customer).status()).isEqualTo(200);
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        Response response = api.send("GET", "/api/probe/client-address",
                Map.of("Authorization", "Bearer " + customer, "X-Forwarded-For", "203.0.113.9"),
                HttpRequest.BodyPublishers.noBody());

        assertThat(response.body()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
}
