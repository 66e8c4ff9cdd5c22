package com.buildnest.security.attack;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * OWASP API4:2023 (unrestricted resource consumption), API8:2023 (security misconfiguration) and
 * API9:2023 (improper inventory management) against the running application.
 */
@BuildNestTest
class ExposureAndConsumptionTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void listsNeverAnswerMoreThanAPageOfOneHundred() {
        String admin = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.STAFF, Role.ADMIN);
        for (String list : List.of("/api/products", "/api/products/search", "/api/admin/orders",
                "/api/admin/customers", "/api/admin/audit", "/api/admin/reviews", "/api/orders",
                "/api/admin/products/export")) {
            Response answer = api.get(list + "?size=1000000", admin);
            if (answer.status() == 200 && answer.contentType().startsWith("application/json")) {
                assertThat(answer.json().get("page").get("size").asInt()).as(list).isLessThanOrEqualTo(100);
            } else if (answer.status() != 200) {
                assertProblem(answer, 400, "request.invalid");
            }
        }
    }

    @Test
    void bodiesAndUploadsAboveTheLimitAreRefusedBeforeTheyAreRead() {
        String huge = "{\"username\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(api.postJson("/api/auth/login", huge), 413, "request.too-large");
        String admin = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.STAFF);
        String boundary = "----attack";
        String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "sku,name\n".repeat(150_000) + "\r\n--" + boundary + "--\r\n";
        assertProblem(api.send("POST", "/api/admin/products/import", Map.of("Authorization", "Bearer " + admin,
                "Content-Type", "multipart/form-data; boundary=" + boundary), HttpRequest.BodyPublishers
                        .ofString(upload)), 413, "request.too-large");
    }

    @Test
    void actuatorOnThePublicPortShowsOnlyProbesAndMetrics() {
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings",
                "/actuator/shutdown", "/actuator/scheduledtasks", "/actuator/caches", "/actuator/liquibase")) {
            Response answer = api.get(hidden);
            assertThat(answer.status()).as(hidden).isIn(401, 404);
            assertThat(answer.body()).doesNotContain("spring.datasource", "\"beans\"", "password");
        }
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.toString()).doesNotContain("details", "jdbc", "version", "database");
    }

    @Test
    void foreignOriginsGetNoCorsGrant() {
        Response preflight = api.send("OPTIONS", "/api/me", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"),
                HttpRequest.BodyPublishers.noBody());
        Response simple = api.send("GET", "/api/products", Map.of("Origin", "https://evil.example"),
                HttpRequest.BodyPublishers.noBody());
        for (Response answer : List.of(preflight, simple)) {
            assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
            assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        }
    }

    @Test
    void errorsCarrySecurityHeadersAndNoInternals() {
        String admin = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.STAFF);
        List<Response> errors = List.of(api.get("/api/products/abc"), api.get("/api/products?minPrice=%27%20OR%201"),
                api.postJson("/api/admin/products", "{\"sku\": [", admin), api.get("/api/admin/nothing-here", admin),
                api.get("/api/products/%2e%2e%2f%2e%2e%2fetc%2fpasswd"), api.get("/api/products/nul%00byte"));
        for (Response error : errors) {
            assertThat(error.status()).as(error.body()).isBetween(400, 499);
            assertThat(error.contentType()).as(error.body()).startsWith("application/problem+json");
            assertThat(error.body()).doesNotContainPattern("(java|org|com)\\.[a-z]+\\.")
                    .doesNotContainPattern("\\bat [a-z]+\\.[a-z]+").doesNotContain("Exception", "SQL", "Tomcat");
            assertThat(error.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(error.header("Server")).isNull();
        }
        Response page = api.get("/api/products");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theApiDocumentListsExactlyTheRoutesTheApplicationServes() {
        Set<String> served = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> handler : handlers.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            String controller = handler.getValue().toString();
            if (controller.contains("springdoc") || controller.contains("ErrorController")
                    || controller.contains("Probe")) {
                continue;
            }
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;   // the storefront's pages (docs/storefront.md), not part of the JSON API
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    served.add(method.name() + " " + path);
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (ApiOperations.METHODS.contains(method)) {
                    documented.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertThat(documented).as("documented but not served").isSubsetOf(served);
        assertThat(served).as("served but not documented").isSubsetOf(documented);
    }
}
