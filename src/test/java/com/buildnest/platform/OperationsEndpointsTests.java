package com.buildnest.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** What an operator and a client developer find on a running BuildNest. */
@BuildNestTest
class OperationsEndpointsTests {

    @Autowired
    ApiClient api;

    @Autowired
    Environment environment;

    @Test
    void readinessFollowsTheDatabaseButNotRedis() {
        Response response = api.get("/actuator/health/readiness");
        assertThat(response.status()).isEqualTo(200);
        JsonNode readiness = response.json();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
    }

    @Test
    void redisIsAHealthComponentWhenConfigured() {
        assumeTrue(environment.getProperty("management.health.redis.enabled", Boolean.class, false),
                "runs where Redis is configured (the services profile of .ci/run)");
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessIsUp() {
        Response response = api.get("/actuator/health/liveness");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/livez").status()).isEqualTo(200);
        assertThat(api.get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void healthShowsComponentsButNoDetailsToTheAnonymous() {
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("components").propertyNames()).contains("db");
        assertThat(health.get("components").get("db").has("details")).isFalse();
    }

    @Test
    void prometheusMetricsIncludeRequestsAndTheConnectionPool() {
        api.get("/api/products");
        Response response = api.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("http_server_requests_seconds_count", "hikaricp_connections_active",
                "application=\"buildnest\"");
    }

    @Test
    void infoNamesTheBuild() {
        JsonNode info = api.get("/actuator/info").json();
        assertThat(info.get("build").get("artifact").asString()).isEqualTo("buildnest");
        assertThat(info.get("build").get("version").asString()).isNotBlank();
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        Response response = api.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.get("info").get("title").asString()).isEqualTo("BuildNest API");
        assertThat(document.get("paths").propertyNames()).contains("/api/products", "/api/products/{id}",
                "/api/categories", "/api/me");
        assertThat(document.get("paths").propertyNames()).noneMatch(path -> path.startsWith("/api/probe"));
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
