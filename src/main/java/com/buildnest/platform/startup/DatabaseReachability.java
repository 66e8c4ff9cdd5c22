package com.buildnest.platform.startup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.buildnest.platform.PlatformProperties;

/**
 * Waits for the production database before the application starts, retrying for
 * {@code buildnest.platform.database-wait}, so that a database that is still starting is waited
 * for and one that is really absent ends the start with one clear line instead of a wall of
 * connection-pool stack traces.
 */
final class DatabaseReachability {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReachability.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final String url;
    private final String username;
    private final String password;
    private final Duration wait;

    DatabaseReachability(String url, String username, String password, Duration wait) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.wait = wait;
    }

    static DatabaseReachability from(Environment environment) {
        Duration wait = Binder.get(environment).bind("buildnest.platform", PlatformProperties.class)
                .map(PlatformProperties::databaseWait)
                .orElse(Duration.ofSeconds(30));
        return new DatabaseReachability(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"), wait);
    }

    void awaitOrRefuse() {
        Instant deadline = Instant.now().plus(wait);
        SQLException last;
        int attempt = 0;
        do {
            attempt++;
            try (Connection connection = DriverManager.getConnection(url, credentials())) {
                if (connection.isValid(5)) {
                    return;
                }
                last = new SQLException("the connection was opened but did not answer a validity check");
            } catch (SQLException failure) {
                last = failure;
            }
            log.warn("Database at {} not reachable (attempt {}): {}", withoutSecrets(url), attempt,
                    firstLine(last.getMessage()));
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new StartupRefused("BuildNest cannot reach its database",
                List.of("No connection to " + withoutSecrets(url) + " within " + wait.toSeconds() + " s: "
                        + firstLine(last.getMessage())),
                "Check that the database is running and reachable from this host, and that "
                        + "spring.datasource.url, username and password are right. "
                        + "buildnest.platform.database-wait sets how long to wait.");
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5000");
        return properties;
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A JDBC URL may carry a password in its query string; never print it. */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
