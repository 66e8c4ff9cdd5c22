package com.buildnest.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

import com.buildnest.BuildNestApplication;

/**
 * The prod profile refuses to start, before it opens a port, while a secret or service is missing
 * or weak, naming each problem once, and reads secrets from a mounted directory as Kubernetes
 * mounts them. Each start here is isolated from the machine's environment variables.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTests {

    @Test
    void refusesToStartWithNothingConfiguredAndNamesEveryMissingSetting(CapturedOutput output) throws IOException {
        int port = freePort();
        StartupRefused refusal = refusedStart("--server.port=" + port, "--buildnest.secrets-dir=/nonexistent");

        assertThat(refusal.problems()).hasSize(10);
        assertThat(String.join("\n", refusal.problems())).contains("spring.datasource.url",
                "buildnest.platform.throttle.trusted-proxies (BUILDNEST_PLATFORM_THROTTLE_TRUSTEDPROXIES) is not set",
                "spring.datasource.username", "spring.datasource.password", "Redis is not configured",
                "buildnest.customer.jwt.secret", "buildnest.payment.razorpay.key-id",
                "buildnest.payment.razorpay.key-secret", "buildnest.payment.razorpay.webhook-secret",
                "buildnest.ordering.seller is still the demo seller");
        assertThat(portIsFree(port)).as("the port was never opened").isTrue();
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
                "  - spring.datasource.url").doesNotContain("\tat ");
    }

    @Test
    void refusesASigningSecretShorterThan512Bits() {
        StartupRefused refusal = refusedStart(completeSettings(Map.of("buildnest.customer.jwt.secret", randomBase64(32))));
        assertThat(refusal.problems()).singleElement().asString()
                .contains("buildnest.customer.jwt.secret is 256 bits long");
    }

    @Test
    void refusesTestKeysAndPlaceholdersWhenLiveModeIsRequested() {
        StartupRefused refusal = refusedStart(completeSettings(Map.of(
                "buildnest.payment.razorpay.live", "true",
                "buildnest.payment.razorpay.key-secret", "changeme")));
        assertThat(refusal.problems()).hasSize(2);
        assertThat(refusal.problems().get(0)).contains("live is true but key-id is a test key");
        assertThat(refusal.problems().get(1)).contains("key-secret is still a placeholder");
    }

    @Test
    void refusesTheEmbeddedDatabase() {
        StartupRefused refusal = refusedStart(completeSettings(Map.of("spring.datasource.url",
                "jdbc:h2:file:./data/db/buildnest")));
        assertThat(refusal.problems()).singleElement().asString().contains("must point at MariaDB or MySQL");
    }

    @Test
    void readsSecretsFromMountedFilesAndThenWaitsForTheDatabase(@TempDir Path secrets) throws IOException {
        Map<String, String> settings = completeSettings(Map.of("spring.datasource.url",
                "jdbc:mariadb://127.0.0.1:" + freePort() + "/buildnest"));
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            Files.writeString(secrets.resolve(setting.getKey()), setting.getValue() + "\n");
        }
        StartupRefused refusal = refusedStart("--buildnest.secrets-dir=" + secrets,
                "--buildnest.platform.database-wait=1s");

        assertThat(refusal.summary()).isEqualTo("BuildNest cannot reach its database");
        assertThat(refusal.problems()).singleElement().asString().startsWith("No connection to jdbc:mariadb://127.0.0.1:");
        assertThat(refusal.getMessage()).doesNotContain(settings.get("spring.datasource.password"));
    }

    @Test
    void reachableDatabasePassesTheWait() {
        new DatabaseReachability("jdbc:h2:mem:reachability;MODE=MariaDB", "sa", "", Duration.ofSeconds(1))
                .awaitOrRefuse();
    }

    @Test
    void failureReportListsEachProblemAndTheWayOut() {
        StartupRefused refusal = new StartupRefused("BuildNest refuses to start", List.of("first", "second"),
                "Set them.");
        FailureAnalysis analysis = new StartupRefusedFailureAnalyzer().analyze(refusal);
        assertThat(analysis.getDescription()).isEqualTo("BuildNest refuses to start:" + System.lineSeparator()
                + "  - first" + System.lineSeparator() + "  - second");
        assertThat(analysis.getAction()).isEqualTo("Set them.");
    }

    @Test
    void refusesToTrustEveryAddressAsAProxyOrTrustForwardedHeadersFromAnyone() {
        StartupRefused refusal = refusedStart(completeSettings(Map.of(
                "buildnest.platform.throttle.trusted-proxies", "10.42.0.0/16,0.0.0.0/0",
                "server.forward-headers-strategy", "framework",
                "server.tomcat.remoteip.internal-proxies", ".*")));
        assertThat(refusal.problems()).hasSize(3);
        assertThat(refusal.problems().get(0)).contains("contains 0.0.0.0/0, which trusts every address");
        assertThat(refusal.problems().get(1)).contains("server.forward-headers-strategy is 'framework'");
        assertThat(refusal.problems().get(2)).contains("server.tomcat.remoteip.internal-proxies is set",
                "buildnest.platform.throttle.trusted-proxies");
    }

    @Test
    void refusesToServeTlsItselfWithoutItsPemFiles() {
        StartupRefused refusal = refusedStart(completeSettings(Map.of("spring.profiles.active", "tls",
                "buildnest.tls-dir", "/nonexistent/tls")));
        assertThat(refusal.problems()).containsExactly(
                "spring.ssl.bundle.pem.buildnest.keystore.certificate points at /nonexistent/tls/tls.crt, which does "
                        + "not exist or cannot be read: mount the certificate and key there (PEM), or leave TLS to "
                        + "the ingress.",
                "spring.ssl.bundle.pem.buildnest.keystore.private-key points at /nonexistent/tls/tls.key, which does "
                        + "not exist or cannot be read: mount the certificate and key there (PEM), or leave TLS to "
                        + "the ingress.");
    }

    @Test
    void servingTlsItselfWithItsPemFilesNeedsNoTrustedProxy(@TempDir Path tls) throws IOException {
        Files.writeString(tls.resolve("tls.crt"), "mounted");
        Files.writeString(tls.resolve("tls.key"), "mounted");
        Map<String, String> settings = new java.util.TreeMap<>(completeSettings(Map.of("spring.profiles.active", "tls",
                "buildnest.tls-dir", tls.toString(),
                "spring.datasource.url", "jdbc:mariadb://127.0.0.1:" + freePort() + "/buildnest",
                "buildnest.platform.database-wait", "1s")));
        settings.remove("buildnest.platform.throttle.trusted-proxies");

        assertThat(refusedStart(settings).summary()).as("the settings passed; only the database is missing")
                .isEqualTo("BuildNest cannot reach its database");
    }

    /** A registered seller of Maharashtra, as a production shop configures its own. */
    static final Map<String, String> SELLER = Map.of("buildnest.ordering.seller.legal-name", "Shree Ganesh Hardware LLP",
            "buildnest.ordering.seller.gstin", "27AAACR5055K1Z7", "buildnest.ordering.seller.state-code", "27",
            "buildnest.ordering.seller.state-name", "Maharashtra",
            "buildnest.ordering.seller.address[0]", "Plot 7, MIDC Bhosari, Pune 411026");

    @Test
    void refusesTheDemoSellerAndASellerStateTheGstinDoesNotName() {
        assertThat(refusedStart(completeSettings(Map.of("buildnest.ordering.seller.gstin",
                "29AAECB4821K1ZJ" /* the demo seller of application.yaml */))).problems()).singleElement().asString()
                .contains("still the demo seller");
        assertThat(refusedStart(completeSettings(Map.of("buildnest.ordering.seller.state-code", "29"))).problems())
                .singleElement().asString().contains("state-code must be the state code that opens the GSTIN (27)");
    }

    /** Every production setting present and sound, with some replaced. */
    static Map<String, String> completeSettings(Map<String, String> replacements) {
        Map<String, String> settings = new java.util.TreeMap<>(Map.of(
                "spring.datasource.url", "jdbc:mariadb://db.internal:3306/buildnest",
                "spring.datasource.username", "buildnest",
                "spring.datasource.password", "Db-password-from-the-vault-91",
                "spring.data.redis.url", "redis://redis.internal:6379",
                "buildnest.customer.jwt.secret", randomBase64(64),
                "buildnest.payment.razorpay.key-id", "rzp_test_Fake01",
                "buildnest.payment.razorpay.key-secret", "q8W2nX5vL0pR7tY3mK9cJ4hB",
                "buildnest.payment.razorpay.webhook-secret", "Wh-7Yd2Kp9Lm4Qs8Vb3Nx6Rt",
                "buildnest.platform.throttle.trusted-proxies", "10.42.0.0/16"));
        settings.putAll(SELLER);
        settings.putAll(replacements);
        return settings;
    }

    private static StartupRefused refusedStart(Map<String, String> settings) {
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--buildnest.secrets-dir=/nonexistent");
        return refusedStart(arguments.toArray(String[]::new));
    }

    private static StartupRefused refusedStart(String... arguments) {
        SpringApplication application = new SpringApplication(BuildNestApplication.class);
        application.setAdditionalProfiles("prod");
        StandardEnvironment isolated = new StandardEnvironment();
        isolated.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        application.setEnvironment(isolated);
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> application.run(arguments)).isInstanceOfSatisfying(StartupRefused.class,
                refusal -> thrown[0] = refusal);
        return (StartupRefused) thrown[0];
    }

    private static String randomBase64(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
