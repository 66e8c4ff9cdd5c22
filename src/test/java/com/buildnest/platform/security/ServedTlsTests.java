package com.buildnest.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import com.buildnest.testing.OpsScript;

/**
 * The {@code tls} profile, as an operator without Kubernetes uses it: the server reads its certificate
 * and key from PEM files, speaks only TLS 1.2 and 1.3, and serves a renewed certificate as soon as the
 * files are replaced, without a restart. Only the web server and Spring Boot's SSL bundles run here
 * (with the application's own configuration files), not the shop, so the shared test context is untouched.
 */
class ServedTlsTests {

    private static final Duration RELOAD_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    static Path tlsDir;

    static ThrowawayCertificate first;
    static ThrowawayCertificate renewed;
    static ConfigurableApplicationContext server;

    @BeforeAll
    static void startWithTheFirstCertificate() throws IOException {
        first = ThrowawayCertificate.withSerial(1001);
        renewed = ThrowawayCertificate.withSerial(2002);
        first.writeTo(tlsDir);
        server = start(tlsDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesARenewedCertificateWithoutARestart() throws Exception {
        Object webServer = ((WebServerApplicationContext) server).getWebServer();
        assertThat(servedSerial()).isEqualTo(BigInteger.valueOf(1001));

        renewed.writeTo(tlsDir);

        Instant deadline = Instant.now().plus(RELOAD_DEADLINE);
        BigInteger serial = servedSerial();
        while (!serial.equals(BigInteger.valueOf(2002)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            serial = servedSerial();
        }
        assertThat(serial).as("the renewed certificate is served within %s", RELOAD_DEADLINE)
                .isEqualTo(BigInteger.valueOf(2002));
        assertThat(((WebServerApplicationContext) server).getWebServer()).as("the same server, never restarted")
                .isSameAs(webServer);
        assertThat(server.isActive()).isTrue();
    }

    @Test
    void speaksTls12WithAForwardSecretAeadSuiteAndTls13() throws Exception {
        try (SSLSocket tls12 = handshake(client(), port(server), "TLSv1.2")) {
            assertThat(tls12.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(tls12.getSession().getCipherSuite()).startsWith("TLS_ECDHE_").containsAnyOf("_GCM_", "CHACHA20");
        }
        try (SSLSocket tls13 = handshake(client(), port(server), "TLSv1.3")) {
            assertThat(tls13.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    /**
     * This JVM refuses TLS 1.0 and 1.1 on its own (jdk.tls.disabledAlgorithms), which would make a
     * refusal prove nothing about our settings. So the server and the client run in a second JVM where
     * the JDK allows both, and a bare JSSE server there, with TLS 1.1 switched on, shows that the client
     * really can speak TLS 1.1: the application's server is what refuses it.
     */
    @Test
    void refusesTls10And11EvenWhereTheJvmWouldSpeakThem() throws Exception {
        Path security = tlsDir.resolve("legacy-tls-allowed.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, "
                + "DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH\n");
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + security, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ProtocolCheck.class.getName(), tlsDir.toString())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream out = check.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // protocol_version is the server's own alert: the client offered the protocol and was turned down.
        assertThat(output).contains("control TLSv1.1 accepted", "application TLSv1.2 accepted",
                "application TLSv1.1 refused (Received fatal alert: protocol_version)",
                "application TLSv1 refused (Received fatal alert: protocol_version)");
        assertThat(check.exitValue()).as(output).isZero();
    }

    @Test
    void checkScriptOfTheRunbookSeesTls12And13OnlyAndTheServedSerial() throws Exception {
        String report = OpsScript.run("tls/check-tls.sh", "localhost:" + port(server));

        assertThat(report).containsPattern("(?m)^tls1 +refused +ok")
                .containsPattern("(?m)^tls1_1 +refused +ok")
                .containsPattern("(?m)^tls1_2 +accepted +ok TLSv1\\.2 ECDHE-ECDSA-")
                .containsPattern("(?m)^tls1_3 +accepted +ok TLSv1\\.3 TLS_")
                .contains("subject=CN = localhost");
        assertThat(report).containsPattern("(?m)^serial=0*" + servedSerial().toString(16).toUpperCase() + "$");
    }

    private static BigInteger servedSerial() throws Exception {
        try (SSLSocket socket = handshake(client(), port(server), "TLSv1.3")) {
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    private static SSLContext client() throws GeneralSecurityException, IOException {
        return ThrowawayCertificate.clientTrusting(first.certificate(), renewed.certificate());
    }

    static SSLSocket handshake(SSLContext client, int port, String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        try {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] { protocol });
            socket.startHandshake();
            return socket;
        } catch (IOException failed) {
            socket.close();
            throw failed;
        }
    }

    static ConfigurableApplicationContext start(Path certificates) {
        return new SpringApplicationBuilder(TlsServer.class).web(WebApplicationType.SERVLET).profiles("tls")
                .logStartupInfo(false)
                .run("--server.port=0", "--buildnest.tls-dir=" + certificates, "--spring.main.banner-mode=off");
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The web server with Spring Boot's SSL bundles, configured by application.yaml and application-tls.yaml. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ SslAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class })
    static class TlsServer {
    }

    /** Run in a JVM that allows TLS 1.0 and 1.1: tries each protocol against the application's server. */
    static final class ProtocolCheck {

        public static void main(String[] args) throws Exception {
            Path certificates = Path.of(args[0]);
            X509Certificate certificate;
            try (InputStream pem = Files.newInputStream(certificates.resolve("tls.crt"))) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            }
            SSLContext client = ThrowawayCertificate.clientTrusting(certificate);
            List<String> results = new ArrayList<>();
            try (ConfigurableApplicationContext application = start(certificates)) {
                SSLContext sameKey = application.getBean(SslBundles.class).getBundle("buildnest").createSslContext();
                try (SSLServerSocket control = (SSLServerSocket) sameKey.getServerSocketFactory()
                        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    control.setEnabledProtocols(new String[] { "TLSv1.1" });
                    Thread accepting = new Thread(() -> acceptOne(control));
                    accepting.start();
                    results.add("control TLSv1.1 " + attempt(client, control.getLocalPort(), "TLSv1.1"));
                    accepting.join(10_000);
                }
                for (String protocol : List.of("TLSv1", "TLSv1.1", "TLSv1.2")) {
                    results.add("application " + protocol + " " + attempt(client, port(application), protocol));
                }
            }
            results.forEach(System.out::println);
            System.exit(0);
        }

        private static String attempt(SSLContext client, int port, String protocol) {
            try (SSLSocket socket = handshake(client, port, protocol)) {
                return "accepted";
            } catch (IOException refused) {
                return "refused (" + refused.getMessage() + ")";
            }
        }

        private static void acceptOne(SSLServerSocket control) {
            try (SSLSocket accepted = (SSLSocket) control.accept()) {
                accepted.startHandshake();
            } catch (IOException ignored) {
                // the client reports the outcome
            }
        }
    }
}
