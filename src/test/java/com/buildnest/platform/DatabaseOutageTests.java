package com.buildnest.platform;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.TcpProxy;

import tools.jackson.databind.JsonNode;

/**
 * Losing the database while running takes the replica out of service (readiness DOWN), answers
 * 503 problems instead of hanging or failing with 500, and heals by itself when the database
 * returns. Redis being down degrades but never takes readiness down. The database is the one the
 * suite runs against (MariaDB under .ci/run), reached through a proxy this test can cut.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiClient.class)
class DatabaseOutageTests {

    static Server h2;
    static TcpProxy database;

    @Autowired
    ApiClient api;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry properties) throws Exception {
        String configured = System.getenv("SPRING_DATASOURCE_URL");
        if (configured == null || configured.startsWith("jdbc:h2:")) {
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            database = new TcpProxy("127.0.0.1", h2.getPort());
            properties.add("spring.datasource.url", () -> "jdbc:h2:tcp://127.0.0.1:" + database.port()
                    + "/mem:outage;MODE=MariaDB;DB_CLOSE_DELAY=-1");
            properties.add("spring.datasource.hikari.exception-override-class-name",
                    H2DisconnectsEvict.class::getName);
        } else {
            URI server = URI.create(configured.substring("jdbc:".length()));
            database = new TcpProxy(server.getHost(), server.getPort());
            properties.add("spring.datasource.url", () -> configured.replaceFirst(
                    "//" + server.getHost() + ":" + server.getPort(), "//127.0.0.1:" + database.port()));
        }
        int nobodyListens = unusedPort();
        properties.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + nobodyListens);
        properties.add("spring.data.redis.connect-timeout", () -> "500ms");
        properties.add("management.health.redis.enabled", () -> "true");
    }

    @AfterAll
    static void stopTheProxy() throws IOException {
        database.close();
        if (h2 != null) {
            h2.stop();
        }
    }

    @Test
    void redisDownShowsInHealthButTheReplicaStaysReady() {
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/api/products").status()).isEqualTo(200);
    }

    @Test
    void databaseLossMakesTheReplicaUnreadyAndAnswers503UntilItReturns() {
        assertThat(api.get("/api/products").status()).isEqualTo(200);

        database.cut();
        try {
            awaitStatus("/actuator/health/readiness", status -> status == 503);
            // A listing this replica remembers may still be shown (docs/adr/0009); one it must read cannot.
            Response whileDown = api.get("/api/products?category=cement&sort=newest");
            assertProblem(whileDown, 503, "platform.database-unavailable");
            assertThat(whileDown.header("Retry-After")).isEqualTo("5");
            assertThat(api.get("/actuator/health/liveness").status()).as("alive: no restart needed").isEqualTo(200);
        } finally {
            database.restore();
        }

        awaitStatus("/actuator/health/readiness", status -> status == 200);
        assertThat(api.get("/api/products").status()).isEqualTo(200);
    }

    private void awaitStatus(String path, IntPredicate wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int last;
        do {
            last = api.get(path).status();
            if (wanted.test(last)) {
                return;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(path + " still answers " + last + " after 30 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
