package com.buildnest.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.buildnest.testing.OpsScript;
import com.buildnest.testing.Traffic;

import io.lettuce.core.RedisClient;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.CommandType;

/**
 * The Redis password rotation of docs/runbooks/secret-rotation.md against the real Redis the suite
 * is pointed at (SPRING_DATA_REDIS_URL, as .ci/run sets it; skipped without): a Spring Data Redis
 * connection factory configured as the application configures its own (credentials from
 * {@link RedisCredentialsFromFiles}, through {@link SecretsConfiguration}'s customizer), under an
 * ACL user of its own (its name contains "rotation"; deleted afterwards — the default user is
 * never touched), while three clients keep writing and reading. ops/secrets/rotate-redis-password.sh
 * adds the new password, switches the file and removes the old one; then every connection of the
 * user is killed, so the client must reconnect with the new password. Not one command fails.
 */
class RedisPasswordRotationTests {

    private static final String REDIS_URL = System.getenv("SPRING_DATA_REDIS_URL");

    private final String user = "rotation_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String operator = user + "_admin";
    @TempDir
    Path secrets;
    @TempDir
    Path operatorFiles;
    private LettuceConnectionFactory factory;

    @BeforeEach
    void anAclUserOfItsOwn() throws Exception {
        assumeTrue(REDIS_URL != null && !REDIS_URL.isBlank(),
                "runs where the suite is pointed at Redis (SPRING_DATA_REDIS_URL, as .ci/run does)");
        admin(redis -> redis.aclSetuser(user, AclSetuserArgs.Builder.on()
                .addPassword("first-password").keyPattern(user + ":*").allCommands()));
        // The operator's own administrator: may manage users and the configuration, nothing else.
        admin(redis -> redis.aclSetuser(operator, AclSetuserArgs.Builder.on().addPassword("operator-password")
                .addCommand(CommandType.ACL).addCommand(CommandType.CONFIG)));
        Files.writeString(secrets.resolve("spring.data.redis.username"), user);
        Files.writeString(secrets.resolve("spring.data.redis.password"), "first-password");
    }

    @AfterEach
    void deleteTheUserAndItsKeys() {
        if (factory != null) {
            factory.destroy();
        }
        if (REDIS_URL != null && !REDIS_URL.isBlank()) {
            admin(redis -> {
                List<String> keys = redis.keys(user + ":*");
                if (!keys.isEmpty()) {
                    redis.del(keys.toArray(String[]::new));
                }
                return redis.aclDeluser(user, operator);
            });
        }
    }

    @Test
    void thePasswordChangesWhileClientsKeepWorkingEvenAcrossAReconnect() throws Exception {
        List<Object> events = new CopyOnWriteArrayList<>();
        RedisCredentialsFromFiles credentials = new RedisCredentialsFromFiles(new MountedSecrets(secrets), null,
                null, events::add, Clock.systemUTC());
        factory = applicationLikeConnectionFactory(credentials);
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        Traffic.Request request = () -> {
            String key = user + ":" + Thread.currentThread().getName();
            redis.opsForValue().increment(key);
            assertThat(redis.opsForValue().get(key)).isNotNull();
        };
        try (Traffic traffic = Traffic.start(3, request)) {
            traffic.awaitSuccesses(50);
            Path operatorPassword = operatorFiles.resolve("redis-admin-password");
            Files.writeString(operatorPassword, "operator-password");
            String rotated = OpsScript.run("secrets/rotate-redis-password.sh", "--secrets-dir", secrets.toString(),
                    "--user", user, "--redis-url", serverUrl(), "--admin-user", operator, "--admin-password-file",
                    operatorPassword.toString(), "--switch-wait", "2");
            Files.delete(operatorPassword);
            assertThat(rotated).isEqualTo(user);
            traffic.awaitSuccesses(traffic.successes() + 50);
            traffic.stop();
            assertThat(traffic.failureCauses()).as("failed commands during the rotation").isEmpty();
        }
        // Connections authenticated before stay so; a reconnect must authenticate with the new
        // password. The runbook's emergency step, CLIENT KILL USER, between requests (killed in the
        // middle of one, a command fails with "Connection reset", rotation or not).
        long killed = admin(admin -> admin.clientKill(KillArgs.Builder.user(user)));
        assertThat(killed).isPositive();
        try (Traffic traffic = Traffic.start(3, request)) {
            traffic.awaitSuccesses(50);
            traffic.stop();
            assertThat(traffic.failureCauses()).as("failed commands after the reconnect").isEmpty();
        }
        String clients = admin(admin -> admin.clientList());
        assertThat(clients).as("reconnected as the user").contains("user=" + user);
        String newPassword = Files.readString(secrets.resolve("spring.data.redis.password"));
        assertThat(newPassword).hasSize(43).isNotEqualTo("first-password");
        assertThat(authenticates("first-password")).as("the old password after the switch").isFalse();
        assertThat(authenticates(newPassword)).isTrue();
        credentials.noticeRotation();
        assertThat(events).containsExactly(new SecretReloaded("redis", "password for user " + user,
                ((SecretReloaded) events.get(0)).at()));
    }

    private LettuceConnectionFactory applicationLikeConnectionFactory(RedisCredentialsFromFiles credentials) {
        RedisURI server = RedisURI.create(serverUrl());
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofSeconds(10));
        new SecretsConfiguration().redisCredentialsFromFiles(credentials).customize(client);
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.getHost(), server.getPort()), client.build());
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }

    private boolean authenticates(String password) {
        RedisClient client = RedisClient.create(RedisURI.builder(RedisURI.create(serverUrl()))
                .withAuthentication(user, password).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } catch (RedisConnectionException refused) {
            return false;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static String serverUrl() {
        RedisURI configured = RedisURI.create(REDIS_URL);
        return "redis://" + configured.getHost() + ":" + configured.getPort();
    }

    /** As the shared Redis's administrator (the suite's own connection settings). */
    private static <T> T admin(Function<RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
