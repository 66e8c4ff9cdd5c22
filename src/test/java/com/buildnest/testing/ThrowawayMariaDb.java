package com.buildnest.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own, with binary logging on (which the shared server on 3306 has off):
 * {@code mariadb-install-db} into a fresh data directory, then {@code mariadbd --no-defaults} on a free
 * port, as an ordinary child process. {@link #close()} stops it and deletes its directory.
 */
public final class ThrowawayMariaDb implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Process server;

    private ThrowawayMariaDb(Path directory, int port, Process server) {
        this.directory = directory;
        this.port = port;
        this.server = server;
    }

    /** Starts a server with {@code --log-bin}; ready (accepting connections) when this returns. */
    public static ThrowawayMariaDb startWithBinlog() throws IOException, InterruptedException {
        // Under /tmp, not target/: the Unix socket path must stay short.
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "buildnest-mariadb-");
        Path data = directory.resolve("data");
        Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + data,
                "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(directory.resolve("install.log").toFile()).start();
        if (!install.waitFor(60, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(directory.resolve("install.log")));
        }
        int port = freePort();
        Process server = new ProcessBuilder("mariadbd", "--no-defaults", "--datadir=" + data, "--user=root",
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("mariadb.sock"),
                "--pid-file=" + directory.resolve("mariadb.pid"), "--log-error=" + directory.resolve("error.log"),
                "--log-bin=" + data.resolve("binlog"), "--server-id=1", "--innodb-buffer-pool-size=64M",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ThrowawayMariaDb instance = new ThrowawayMariaDb(directory, port, server);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Connection connection = instance.connect("")) {
                // as on a secured server: no anonymous accounts shadowing a user@'%'
                instance.execute("", "DELETE FROM mysql.global_priv WHERE user = ''", "FLUSH PRIVILEGES");
                return instance;
            } catch (SQLException notYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    instance.close();
                    throw new IllegalStateException("mariadbd did not start on port " + port, notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    public int port() {
        return port;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database, "root", "");
    }

    /** Runs statements in DATABASE ("" for none). */
    public void execute(String database, String... statements) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The single number a query returns. */
    public long queryForLong(String database, String query) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not stop the throwaway MariaDB in " + directory, e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
