package com.buildnest.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.core.env.Environment;

/** A fresh, empty database next to the configured one, dropped afterwards. */
public record ScratchDatabase(String url, String serverUrl, String name, String username, String password)
        implements AutoCloseable {

    public static ScratchDatabase beside(Environment environment) throws SQLException {
        String configured = environment.getRequiredProperty("spring.datasource.url");
        String username = environment.getProperty("spring.datasource.username", "");
        String password = environment.getProperty("spring.datasource.password", "");
        String name = "buildnest_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (configured.startsWith("jdbc:h2:")) {
            return new ScratchDatabase("jdbc:h2:mem:" + name + ";MODE=MariaDB;DB_CLOSE_DELAY=-1", null, name,
                    "sa", "");
        }
        // jdbc:mariadb://host:port/database?options -> jdbc:mariadb://host:port/
        int slash = configured.indexOf('/', configured.indexOf("//") + 2);
        String server = configured.substring(0, slash + 1);
        try (Connection connection = DriverManager.getConnection(server, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return new ScratchDatabase(server + name, server, name, username, password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public void close() throws SQLException {
        String drop = serverUrl == null ? null : "DROP DATABASE IF EXISTS " + name;
        try (Connection connection = serverUrl == null ? connect()
                : DriverManager.getConnection(serverUrl, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(drop == null ? "SHUTDOWN" : drop);
        }
    }
}
