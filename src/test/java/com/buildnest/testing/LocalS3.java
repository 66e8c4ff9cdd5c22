package com.buildnest.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local S3-compatible server: S3Proxy (from Maven Central, copied to target/s3proxy/s3proxy.jar by the
 * build) with its filesystem backend, on a free port, as a separate java process. Objects land as files
 * under {@link #bucketDirectory()}, so a test can see (and damage) what a client stored.
 */
public final class LocalS3 implements AutoCloseable {

    public static final String BUCKET = "buildnest-backups";
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");

    private final Path directory;
    private final int port;
    private final Process server;

    private LocalS3(Path directory, int port, Process server) {
        this.directory = directory;
        this.port = port;
        this.server = server;
    }

    public static LocalS3 start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests through ./mvnw, which copies it");
        }
        Path directory = Files.createTempDirectory("buildnest-s3-");
        Files.createDirectories(directory.resolve("data").resolve(BUCKET));
        int port = ThrowawayMariaDb.freePort();
        Path properties = directory.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=test-access-key",
                "s3proxy.credential=test-secret-key",
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=test-access-key",
                "jclouds.credential=test-secret-key",
                "jclouds.filesystem.basedir=" + directory.resolve("data"), ""));
        Files.writeString(directory.resolve("credentials"),
                "access_key_id=test-access-key\nsecret_access_key=test-secret-key\n");
        Process server = new ProcessBuilder("java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toAbsolutePath().toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
        LocalS3 s3 = new LocalS3(directory, port, server);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!s3.answers()) {
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                s3.close();
                throw new IllegalStateException("S3Proxy did not start on port " + port);
            }
            Thread.sleep(200);
        }
        return s3;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A file with the access key lines that ops/backup/*.sh read with --s3-credentials. */
    public Path credentialsFile() {
        return directory.resolve("credentials");
    }

    public Path bucketDirectory() {
        return directory.resolve("data").resolve(BUCKET);
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        server.destroy();
        try {
            server.waitFor(20, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not stop S3Proxy in " + directory, e);
        }
    }
}
