package com.buildnest.platform.web;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.customer.AccessTokens;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.JsonNode;

/** Every failure answers with an RFC 9457 problem carrying a stable code and the request id. */
@BuildNestTest
class ErrorContractTests {

    @Autowired
    ApiClient api;

    @Autowired
    DataSource dataSource;

    @Autowired
    AccessTokens tokens;

    String customer;

    @BeforeEach
    void signIn() {
        customer = tokens.validFor(tokens.newCustomer());
    }

    @Test
    void unknownRouteIsNotFoundWithOrWithoutAToken() {
        assertProblem(api.get("/api/no-such-thing"), 404, "request.not-found");
        assertProblem(api.get("/api/no-such-thing", customer), 404, "request.not-found");
        assertProblem(api.get("/no/such/page"), 404, "request.not-found");
    }

    @Test
    void wrongMethodIsMethodNotAllowedAndNamesTheAllowedOnes() {
        Response response = api.send("DELETE", "/api/products", Map.of(), HttpRequest.BodyPublishers.noBody());
        assertProblem(response, 405, "request.method-not-allowed");
        assertThat(response.header("Allow")).isEqualTo("GET");
    }

    @Test
    void malformedJsonIsBadRequest() {
        Response response = send("POST", "/api/probe/orders", "{\"sku\": \"CEM-1\", \"quantity\": ");
        assertProblem(response, 400, "request.malformed");
        assertThat(response.body()).doesNotContain("Exception", "at com.", "tools.jackson");
    }

    @Test
    void jsonOfTheWrongShapeIsBadRequest() {
        assertProblem(send("POST", "/api/probe/orders", "{\"sku\": \"CEM-1\", \"quantity\": \"ten\"}"), 400,
                "request.malformed");
        assertProblem(send("POST", "/api/probe/orders", "[1, 2, 3]"), 400, "request.malformed");
    }

    @Test
    void invalidValuesNameEachFieldAndWhatIsWrong() {
        Response response = send("POST", "/api/probe/orders", "{\"sku\": \" \", \"quantity\": 0}");
        JsonNode problem = assertProblem(response, 400, "request.invalid");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        assertThat(problem.get("errors").get(1).get("field").asString()).isEqualTo("sku");
        assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void unsupportedMediaTypeIsRefusedWithProblem() {
        Response response = api.send("POST", "/api/probe/orders",
                Map.of("Content-Type", "text/plain", "Authorization", "Bearer " + customer),
                HttpRequest.BodyPublishers.ofString("sku=CEM-1"));
        assertProblem(response, 415, "request.unsupported-media-type");
    }

    @Test
    void bodyOverTheLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"sku\": \"" + "x".repeat(1_100_000) + "\", \"quantity\": 1}";
        assertProblem(send("POST", "/api/probe/orders", huge), 413, "request.too-large");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWhileReading() {
        byte[] huge = ("{\"sku\": \"" + "x".repeat(1_100_000) + "\", \"quantity\": 1}").getBytes();
        // An InputStream publisher has no known length, so the client sends it chunked.
        Response response = api.send("POST", "/api/probe/orders",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + customer),
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)));
        assertProblem(response, 413, "request.too-large");
    }

    @Test
    void businessRefusalKeepsItsOwnCode() {
        JsonNode problem = assertProblem(api.get("/api/probe/sold-out", customer), 409,
                "inventory.insufficient-stock");
        assertThat(problem.get("detail").asString()).isEqualTo("Only 3 bags are left.");
    }

    @Test
    void unexpectedFailureRevealsNothingButTheTraceId() {
        Response response = api.get("/api/probe/bug", customer);
        JsonNode problem = assertProblem(response, 500, "platform.internal-error");
        assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException", "at com.");
        assertThat(problem.get("traceId").asString()).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void concurrentChangeIsAConflictToReloadNotAFailure() {
        assertProblem(api.get("/api/probe/concurrent-change", customer), 409, "request.concurrent-change");
    }

    @Test
    void aRequestThatFindsEveryDatabaseConnectionBusyIsToldTheShopIsBusyNotThatTheDatabaseIsLost() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            Response response = api.get("/api/probe/database-read", customer);
            assertProblem(response, 503, "platform.busy");
            assertThat(response.header("Retry-After")).isEqualTo("1");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(api.get("/api/probe/database-read", customer).json().get("one").asInt()).isEqualTo(1);
    }

    @Test
    void lostDatabaseIsServiceUnavailableWithRetryAfter() {
        Response response = api.get("/api/probe/database-lost", customer);
        assertProblem(response, 503, "platform.database-unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void callersRequestIdIsEchoedInHeaderAndProblem() {
        Response response = api.send("GET", "/api/no-such-thing", Map.of("X-Request-Id", "shop-42-abcdef"),
                HttpRequest.BodyPublishers.noBody());
        assertThat(response.header("X-Request-Id")).isEqualTo("shop-42-abcdef");
        assertThat(response.json().get("traceId").asString()).isEqualTo("shop-42-abcdef");
    }

    @Test
    void unusableRequestIdIsReplacedNotEchoed() {
        Response response = api.send("GET", "/api/no-such-thing", Map.of("X-Request-Id", "<script>alert(1)</script>"),
                HttpRequest.BodyPublishers.noBody());
        assertThat(response.header("X-Request-Id")).doesNotContain("<").hasSizeGreaterThanOrEqualTo(32);
    }

    private Response send(String method, String path, String json) {
        return api.send(method, path, Map.of("Content-Type", "application/json", "Authorization", "Bearer " + customer),
                HttpRequest.BodyPublishers.ofString(json));
    }
}
