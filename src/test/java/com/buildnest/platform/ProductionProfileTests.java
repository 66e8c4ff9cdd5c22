package com.buildnest.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import com.buildnest.BuildNestApplication;
import com.buildnest.customer.AccessTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prod profile with every setting given, started as an operator would start it (nothing from
 * this machine's environment leaks in): it starts, keeps Actuator off the public port, loads no
 * demo data, logs JSON lines that carry the request id, and sends plain HTTP from outside to HTTPS
 * while probes and the management port stay on plain HTTP. The test client is the trusted "ingress"
 * (loopback), so its X-Forwarded-Proto counts. Runs when the suite is pointed at
 * MariaDB or MySQL (prod refuses H2), in a scratch database reached by a user with a password.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTests {

    static String serverUrl;
    static String database;
    static String user;
    static ConfigurableApplicationContext application;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startInProduction() throws Exception {
        String configured = System.getenv("SPRING_DATASOURCE_URL");
        assumeTrue(configured != null && !configured.startsWith("jdbc:h2:"),
                "runs when the suite is pointed at MariaDB or MySQL (as .ci/run does)");
        String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        serverUrl = configured.substring(0, configured.indexOf('/', configured.indexOf("//") + 2) + 1);
        database = "buildnest_prod_" + suffix;
        user = "buildnest_prod_" + suffix;
        String password = Base64.getUrlEncoder().encodeToString(new SecureRandom().generateSeed(18));
        admin("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'",
                "GRANT ALL ON " + database + ".* TO '" + user + "'@'%'");
        byte[] jwtSecret = new byte[64];
        new SecureRandom().nextBytes(jwtSecret);

        SpringApplication app = new SpringApplication(BuildNestApplication.class);
        app.setAdditionalProfiles("prod");
        StandardEnvironment isolated = new StandardEnvironment();
        isolated.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        app.setEnvironment(isolated);
        application = app.run("--server.port=0", "--management.server.port=0",
                "--buildnest.secrets-dir=/nonexistent",
                "--buildnest.platform.throttle.trusted-proxies=127.0.0.1/32,::1/128",
                "--spring.datasource.url=" + serverUrl + database,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.data.redis.url=" + System.getenv().getOrDefault("SPRING_DATA_REDIS_URL",
                        "redis://127.0.0.1:6379"),
                "--buildnest.customer.jwt.secret=" + Base64.getEncoder().encodeToString(jwtSecret),
                "--buildnest.payment.razorpay.key-id=rzp_test_Fake02",
                "--buildnest.payment.razorpay.key-secret=q8W2nX5vL0pR7tY3mK9cJ4hB",
                "--buildnest.payment.razorpay.webhook-secret=Wh7Yd2Kp9Lm4Qs8Vb3Nx6Rt1",
                "--buildnest.ordering.seller.gstin=27AAACR5055K1Z7", "--buildnest.ordering.seller.state-code=27",
                "--buildnest.ordering.seller.state-name=Maharashtra",
                "--buildnest.ordering.seller.legal-name=Shree Ganesh Hardware LLP");
    }

    @AfterAll
    static void stop() throws Exception {
        if (application != null) {
            application.close();
        }
        if (database != null) {
            admin("DROP DATABASE IF EXISTS " + database, "DROP USER IF EXISTS '" + user + "'@'%'");
        }
    }

    @Test
    void actuatorIsOnlyOnTheManagementPort() throws Exception {
        assertThat(getOverHttps("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(getOverHttps("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(port(), "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(port(), "/livez").statusCode()).isEqualTo(200);

        HttpResponse<String> readiness = get(managementPort(), "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"").doesNotContain("\"redis\"");
        JsonNode health = JsonMapper.builder().build().readTree(get(managementPort(), "/actuator/health").body());
        assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("details").get("database").asString()).isEqualTo("MariaDB");
        assertThat(get(managementPort(), "/actuator/prometheus").body()).contains("hikaricp_connections");
    }

    @Test
    void noDemoDataInProduction(CapturedOutput output) throws Exception {
        assertThat(getOverHttps("/api/products").body()).contains("\"totalElements\":0");
        assertThat(output.getAll()).doesNotContain("Demo admin login");
    }

    @Test
    void logsAreJsonLinesCarryingTheRequestId(CapturedOutput output) throws Exception {
        AccessTokens tokens = application.getAutowireCapableBeanFactory().createBean(AccessTokens.class);
        String token = tokens.validFor(tokens.newCustomer());
        HttpResponse<String> failure = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port() + "/api/probe/bug"))
                .header("Authorization", "Bearer " + token).header("X-Request-Id", "prod-log-check-7731")
                .header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(output.getAll().lines().filter(line -> line.contains("prod-log-check-7731")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\"")
                        .contains("\"requestId\":\"prod-log-check-7731\""));
    }

    @Test
    void plainHttpFromOutsideIsRedirectedButProbesAndTheManagementPortAreNot() throws Exception {
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port() + "/api/products?page=1"))
                .header("X-Forwarded-Proto", "http").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location")).hasValue("https://localhost/api/products?page=1");

        HttpResponse<String> secure = getOverHttps("/api/products");
        assertThat(secure.statusCode()).isEqualTo(200);
        assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");

        assertThat(get(port(), "/livez").statusCode()).isEqualTo(200);
        assertThat(get(port(), "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(managementPort(), "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort(), "/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(getOverHttps("/swagger-ui/index.html").statusCode()).as("no Swagger UI in prod").isEqualTo(404);
    }

    private static HttpResponse<String> getOverHttps(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int port() {
        return Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static int managementPort() {
        return Integer.parseInt(application.getEnvironment().getRequiredProperty("local.management.port"));
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void admin(String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(serverUrl,
                System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
