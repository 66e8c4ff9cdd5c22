package com.buildnest.platform.secrets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;

/**
 * Keeps the connection pool's database credentials in step with the mounted files
 * {@code spring.datasource.username} and {@code spring.datasource.password}: when they change,
 * the new pair is tried on a connection of its own first (a half-written pair, a user not created
 * yet or an unreachable database is left for the next round), then the pool opens every new connection with it and
 * retires the connections of the old user as they come back (soft eviction), so nothing in flight
 * fails. The old user can be dropped once none of its connections remain
 * ({@code ops/secrets/rotate-database-password.sh} waits for that).
 */
final class DatabaseCredentials {

    static final String USERNAME_FILE = "spring.datasource.username";
    static final String PASSWORD_FILE = "spring.datasource.password";
    private static final Logger log = LoggerFactory.getLogger(DatabaseCredentials.class);
    private static final int TRIAL_CONNECT_TIMEOUT_MILLIS = 5000;

    private final HikariDataSource pool;
    private final MountedSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private String username;
    private String password;

    DatabaseCredentials(HikariDataSource pool, MountedSecrets secrets, ApplicationEventPublisher events,
            Clock clock) {
        this.pool = pool;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
        this.username = pool.getUsername();
        this.password = pool.getPassword();
    }

    @Scheduled(fixedDelayString = "${buildnest.platform.secrets.reload-interval:30s}",
            initialDelayString = "${buildnest.platform.secrets.reload-interval:30s}")
    void keepInStep() {
        try {
            reload();
        } catch (RuntimeException failure) {
            log.warn("Could not check the database credentials: {}", failure.getMessage());
        }
    }

    /** @return whether the pool took new credentials */
    synchronized boolean reload() {
        // Without a username file (the user set elsewhere) a new password alone is taken up too.
        String user = secrets.read(USERNAME_FILE).orElse(username);
        Optional<String> newPassword = secrets.read(PASSWORD_FILE);
        if (newPassword.isEmpty() || (user.equals(username) && newPassword.get().equals(password))) {
            return false;
        }
        String secret = newPassword.get();
        try (Connection trial = DriverManager.getConnection(pool.getJdbcUrl(), trialProperties(user, secret))) {
            trial.isValid(2);
        } catch (SQLException refused) {
            log.warn("The database refused the mounted credentials of user {} ({}); keeping those of {}", user,
                    refused.getMessage(), username);
            return false; // a half-written pair or a user not created yet: the next round tries again
        }
        String previous = username;
        pool.getHikariConfigMXBean().setCredentials(Credentials.of(user, secret));
        username = user;
        password = secret;
        Objects.requireNonNull(pool.getHikariPoolMXBean(), "the pool has not started").softEvictConnections();
        log.info("Database credentials changed from user {} to {}: new connections use them, old ones retire",
                previous, user);
        events.publishEvent(new SecretReloaded(RotatedSecret.DATABASE.tag(),
                "user " + previous + " -> " + user, clock.instant()));
        return true;
    }

    private Properties trialProperties(String user, String secret) {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("user", user);
        properties.setProperty("password", secret);
        if (pool.getJdbcUrl().startsWith("jdbc:mariadb:") || pool.getJdbcUrl().startsWith("jdbc:mysql:")) {
            properties.setProperty("connectTimeout", Integer.toString(TRIAL_CONNECT_TIMEOUT_MILLIS));
        }
        return properties;
    }
}
