package com.buildnest.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.buildnest.testing.OpsScript;
import com.buildnest.testing.Traffic;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The database password rotation of docs/runbooks/secret-rotation.md against the real MariaDB the
 * suite is pointed at (SPRING_DATASOURCE_URL, as .ci/run sets it; skipped on H2): a connection
 * pool run by {@link DatabaseCredentials} — what the application runs on its own pool — over a
 * scratch database with two real users, while four clients keep reading and writing through it,
 * and ops/secrets/rotate-database-password.sh switches the users twice. Not one statement fails,
 * the pool ends up connected as the new user only, and the old user is gone. The users' names
 * contain "rotation" and they are dropped afterwards with the database.
 */
class DatabasePasswordRotationTests {

    private static final String URL = System.getenv("SPRING_DATASOURCE_URL");
    private static final String ADMIN = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root");
    private static final String ADMIN_PASSWORD = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");

    private final String name = "rotation_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String userA = name + "_a";
    private final String userB = name + "_b";
    private String server;
    @TempDir
    Path secrets;
    @TempDir
    Path operator;
    private HikariDataSource pool;

    @BeforeEach
    void twoUsersTakingTurnsOnAScratchDatabase() throws Exception {
        assumeTrue(URL != null && URL.startsWith("jdbc:mariadb:"),
                "runs where the suite is pointed at MariaDB (SPRING_DATASOURCE_URL, as .ci/run does)");
        server = URL.substring(0, URL.indexOf('/', URL.indexOf("//") + 2) + 1);
        admin("CREATE DATABASE " + name, "CREATE TABLE " + name + ".probe (id BIGINT AUTO_INCREMENT PRIMARY KEY)",
                "CREATE USER '" + userA + "'@'%' IDENTIFIED BY 'first-password-of-a'",
                "GRANT SELECT, INSERT ON " + name + ".* TO '" + userA + "'@'%'");
        Files.writeString(secrets.resolve("spring.datasource.username"), userA);
        Files.writeString(secrets.resolve("spring.datasource.password"), "first-password-of-a");
        pool = new HikariDataSource();
        pool.setJdbcUrl(server + name);
        pool.setUsername(userA);
        pool.setPassword("first-password-of-a");
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(3000);
    }

    @AfterEach
    void dropTheUsersAndTheDatabase() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            admin("DROP USER IF EXISTS '" + userA + "'@'%'", "DROP USER IF EXISTS '" + userB + "'@'%'",
                    "DROP DATABASE IF EXISTS " + name);
        }
    }

    @Test
    void theUsersSwitchTwiceWhileClientsKeepWorkingAndEachOldUserIsDroppedOnceUnused() throws Exception {
        List<SecretReloaded> reloads = new CopyOnWriteArrayList<>();
        DatabaseCredentials credentials = new DatabaseCredentials(pool, new MountedSecrets(secrets),
                event -> reloads.add((SecretReloaded) event), Clock.systemUTC());
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        ScheduledExecutorService replica = Executors.newScheduledThreadPool(1);
        replica.scheduleWithFixedDelay(credentials::keepInStep, 200, 200, TimeUnit.MILLISECONDS);
        Path adminFile = adminDefaultsFile();
        try (Traffic traffic = Traffic.start(4, () -> {
            jdbc.update("INSERT INTO probe () VALUES ()");
            jdbc.queryForObject("SELECT COUNT(*) FROM probe", Long.class);
        })) {
            traffic.awaitSuccesses(20);
            String first = OpsScript.run("secrets/rotate-database-password.sh", "--secrets-dir", secrets.toString(),
                    "--admin-defaults-file", adminFile.toString(), "--users", userA + "," + userB, "--max-wait", "30");
            assertThat(first).isEqualTo(userB);
            assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).isEqualTo(userB + "@%");
            traffic.awaitSuccesses(traffic.successes() + 20);

            String second = OpsScript.run("secrets/rotate-database-password.sh", "--secrets-dir", secrets.toString(),
                    "--admin-defaults-file", adminFile.toString(), "--users", userA + "," + userB, "--max-wait", "30");
            assertThat(second).isEqualTo(userA);
            traffic.awaitSuccesses(traffic.successes() + 20);
            traffic.stop();
            assertThat(traffic.failureCauses()).as("failed statements during the rotations").isEmpty();
        } finally {
            replica.shutdownNow();
            Files.delete(adminFile);
        }
        assertThat(users()).containsExactly(userA);
        assertThat(connectionsOf(userB)).isZero();
        assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).isEqualTo(userA + "@%");
        assertThat(reloads).extracting(SecretReloaded::secret).containsExactly("database", "database");
        assertThat(reloads.get(0).detail()).isEqualTo("user " + userA + " -> " + userB);
        assertThat(Files.readString(secrets.resolve("buildnest.rotated-at.database"))).endsWith("Z");
    }

    @Test
    void anEmergencyRotationEndsTheSessionsTheLeakedPasswordStillHolds() throws Exception {
        DatabaseCredentials credentials = new DatabaseCredentials(pool, new MountedSecrets(secrets), event -> { },
                Clock.systemUTC());
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        ScheduledExecutorService replica = Executors.newScheduledThreadPool(1);
        replica.scheduleWithFixedDelay(credentials::keepInStep, 200, 200, TimeUnit.MILLISECONDS);
        Path adminFile = adminDefaultsFile();
        try (Connection intruder = DriverManager.getConnection(server + name, userA, "first-password-of-a");
                Traffic traffic = Traffic.start(4, () -> jdbc.queryForObject("SELECT COUNT(*) FROM probe",
                        Long.class))) {
            traffic.awaitSuccesses(20);
            String rotated = OpsScript.run("secrets/rotate-database-password.sh", "--secrets-dir",
                    secrets.toString(), "--admin-defaults-file", adminFile.toString(), "--users",
                    userA + "," + userB, "--max-wait", "3", "--kill-leftovers");
            assertThat(rotated).isEqualTo(userB);
            traffic.awaitSuccesses(traffic.successes() + 20);
            traffic.stop();
            assertThat(traffic.failureCauses()).as("failed statements during the rotation").isEmpty();
            assertThat(intruder.isValid(2)).as("the session held with the leaked password").isFalse();
        } finally {
            replica.shutdownNow();
            Files.delete(adminFile);
        }
        assertThat(users()).containsExactly(userB);
        assertThat(connectionsOf(userA)).isZero();
    }

    @Test
    void credentialsTheDatabaseRefusesAreNotTakenAndTheOldOnesKeepWorking() throws Exception {
        DatabaseCredentials credentials = new DatabaseCredentials(pool, new MountedSecrets(secrets),
                event -> { }, Clock.systemUTC());
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.queryForObject("SELECT 1", Integer.class);
        Files.writeString(secrets.resolve("spring.datasource.password"), "not-the-password");

        assertThat(credentials.reload()).isFalse();
        pool.getHikariPoolMXBean().softEvictConnections();
        assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).isEqualTo(userA + "@%");
    }

    private List<String> users() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, ADMIN, ADMIN_PASSWORD);
                PreparedStatement statement = connection.prepareStatement("SELECT user FROM mysql.user WHERE user LIKE ?")) {
            statement.setString(1, name + "%");
            ResultSet rows = statement.executeQuery();
            List<String> users = new ArrayList<>();
            while (rows.next()) {
                users.add(rows.getString(1));
            }
            return users;
        }
    }

    private long connectionsOf(String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, ADMIN, ADMIN_PASSWORD);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE user = ?")) {
            statement.setString(1, user);
            ResultSet rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The administrator's MariaDB option file the script reads, as an operator would keep it. */
    private Path adminDefaultsFile() throws Exception {
        URI address = URI.create(server.substring("jdbc:".length()));
        Path file = operator.resolve("admin.cnf");
        Files.writeString(file, "[client]\nuser=" + ADMIN + "\n" + (ADMIN_PASSWORD.isEmpty() ? ""
                : "password=" + ADMIN_PASSWORD + "\n") + "host=" + address.getHost() + "\nport="
                + (address.getPort() < 0 ? 3306 : address.getPort()) + "\nprotocol=tcp\n");
        return file;
    }

    private void admin(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, ADMIN, ADMIN_PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
