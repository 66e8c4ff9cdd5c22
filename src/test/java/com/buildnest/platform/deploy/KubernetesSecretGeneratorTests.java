package com.buildnest.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ops/secrets/generate-k8s-secret.sh against a recording stand-in for kubectl that keeps applied
 * Secrets as a cluster would (there is no cluster here), so the script's real get-and-apply path
 * runs: strong generated values, Razorpay's given ones, the template's keys exactly, nothing
 * printed, idempotent, one key rotated on request, and --dry-run masked without any kubectl call.
 */
class KubernetesSecretGeneratorTests {

    private static final String KEY_ID = "rzp_test_Q1w2E3r4T5y6U7";
    private static final String KEY_SECRET = "Razorpay-dashboard-key-secret-9f8e7d";
    private static final String FAKE_KUBECTL = """
            #!/usr/bin/env bash
            # Records every call; keeps applied Secrets as files, as the API server would keep them.
            set -euo pipefail
            dir=$(dirname "$0")
            echo "$*" >>"$dir/calls"
            case "$1" in
              get) [[ ! -f "$dir/cluster-$3.json" ]] || cat "$dir/cluster-$3.json" ;;
              apply) cat >"$dir/incoming.json"
                     name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["metadata"]["name"])' "$dir/incoming.json")
                     mv "$dir/incoming.json" "$dir/cluster-$name.json"
                     echo "secret/$name serverside-applied" ;;
              *) echo "unexpected kubectl call: $*" >&2; exit 1 ;;
            esac
            """;

    @TempDir
    Path work;

    Path kubectl;
    Path razorpay;

    @BeforeEach
    void cluster() throws IOException {
        Path fake = Files.createDirectories(work.resolve("fake-cluster"));
        kubectl = Files.writeString(fake.resolve("kubectl"), FAKE_KUBECTL);
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
        razorpay = Files.createDirectories(work.resolve("razorpay"));
        Files.writeString(razorpay.resolve("buildnest.payment.razorpay.key-id"), KEY_ID + "\n");
        Files.writeString(razorpay.resolve("buildnest.payment.razorpay.key-secret"), KEY_SECRET);
    }

    @Test
    void createsBothSecretsWithTheTemplatesKeysStrongValuesAndPrintsNoneOfThem() throws Exception {
        Run run = generate("--namespace", "buildnest-staging", "--from-dir", razorpay.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, String> app = clusterSecret("buildnest-secrets");
        assertThat(app.keySet()).isEqualTo(templateKeys("buildnest-secrets"));
        assertThat(Base64.getMimeDecoder().decode(app.get("buildnest.customer.jwt.secret"))).hasSizeGreaterThanOrEqualTo(64);
        for (String generated : List.of("spring.datasource.password", "spring.data.redis.password",
                "buildnest.payment.razorpay.webhook-secret")) {
            assertThat(app.get(generated)).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        }
        Map<String, String> secretValues = new HashMap<>(app);
        secretValues.keySet().removeIf(KubernetesSecretGeneratorTests::notSecret);
        assertThat(new LinkedHashSet<>(secretValues.values())).hasSameSizeAs(secretValues.values());
        assertThat(app).containsEntry("spring.datasource.username", "buildnest_a")
                .containsEntry("spring.data.redis.username", "buildnest");
        for (String record : List.of("jwt", "database", "redis", "razorpay")) {
            assertThat(Instant.parse(app.get("buildnest.rotated-at." + record)))
                    .isBetween(Instant.now().minusSeconds(600), Instant.now().plusSeconds(1));
        }
        assertThat(app).containsEntry("buildnest.payment.razorpay.key-id", KEY_ID)
                .containsEntry("buildnest.payment.razorpay.key-secret", KEY_SECRET);
        Map<String, String> smoke = clusterSecret("buildnest-smoke-account");
        assertThat(smoke.keySet()).isEqualTo(templateKeys("buildnest-smoke-account"));

        JsonNode applied = json("buildnest-secrets");
        assertThat(applied.get("metadata").get("namespace").asString()).isEqualTo("buildnest-staging");
        assertThat(calls()).contains("apply --server-side --field-manager=buildnest-secrets --force-conflicts -f -");
        List<String> values = new ArrayList<>(secretValues.values());
        values.addAll(smoke.values());
        assertThat(values).allSatisfy(value -> assertThat(run.output()).doesNotContain(value));
        assertThat(work.resolve("fake-cluster")).isDirectoryNotContaining("glob:**incoming*");
    }

    @Test
    void aSecondRunKeepsEveryValueAndRotateReplacesOnlyTheNamedOne() throws Exception {
        assertThat(generate("--from-dir", razorpay.toString()).exitCode()).isZero();
        Map<String, String> first = clusterSecret("buildnest-secrets");
        String smokePassword = clusterSecret("buildnest-smoke-account").get("password");

        Run again = generate();   // Razorpay's keys are in the cluster now
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(clusterSecret("buildnest-secrets")).isEqualTo(first);
        assertThat(again.output()).contains("spring.datasource.password: kept from the cluster");

        Run rotated = generate("--rotate", "spring.datasource.password");
        assertThat(rotated.exitCode()).as(rotated.output()).isZero();
        Map<String, String> after = clusterSecret("buildnest-secrets");
        assertThat(after.get("spring.datasource.password")).isNotEqualTo(first.get("spring.datasource.password"))
                .hasSizeGreaterThanOrEqualTo(43);
        assertThat(Instant.parse(after.get("buildnest.rotated-at.database")))
                .isAfterOrEqualTo(Instant.parse(first.get("buildnest.rotated-at.database")));
        Map<String, String> othersBefore = new HashMap<>(first);
        othersBefore.keySet().removeAll(List.of("spring.datasource.password", "buildnest.rotated-at.database"));
        Map<String, String> othersAfter = new HashMap<>(after);
        othersAfter.keySet().removeAll(List.of("spring.datasource.password", "buildnest.rotated-at.database"));
        assertThat(othersAfter).isEqualTo(othersBefore);
        assertThat(clusterSecret("buildnest-smoke-account")).containsEntry("password", smokePassword);
        assertThat(rotated.output()).doesNotContain(after.get("spring.datasource.password"));
    }

    @Test
    void refusesWithoutRazorpaysKeysAndAppliesNothing() throws Exception {
        Run run = generate();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("buildnest.payment.razorpay.key-id: give it as",
                "BUILDNEST_PAYMENT_RAZORPAY_KEYSECRET");
        assertThat(calls()).doesNotContain("apply");
        assertThat(work.resolve("fake-cluster/cluster-buildnest-secrets.json")).doesNotExist();
    }

    @Test
    void dryRunPrintsTheManifestsMaskedAndNeverCallsKubectl() throws Exception {
        Run run = generate("--dry-run", "--from-dir", razorpay.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"buildnest.customer.jwt.secret\": \"<masked: generated",
                "\"buildnest.payment.razorpay.key-secret\": \"<masked: from " + razorpay, "\"password\": \"<masked:")
                .doesNotContain(KEY_SECRET, KEY_ID);
        assertThat(work.resolve("fake-cluster/calls")).doesNotExist();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Run(int exitCode, String output) {
    }

    private Run generate(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "ops/secrets/generate-k8s-secret.sh",
                "--kubectl", kubectl.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("BUILDNEST_") || name.startsWith("SPRING_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private JsonNode json(String secret) throws IOException {
        return JsonMapper.builder().build().readTree(work.resolve("fake-cluster/cluster-" + secret + ".json").toFile());
    }

    private Map<String, String> clusterSecret(String secret) throws IOException {
        Map<String, String> values = new HashMap<>();
        json(secret).get("data").properties().forEach(entry -> values.put(entry.getKey(),
                new String(Base64.getDecoder().decode(entry.getValue().asString()), StandardCharsets.UTF_8)));
        return values;
    }

    private String calls() throws IOException {
        Path calls = work.resolve("fake-cluster/calls");
        return Files.exists(calls) ? Files.readString(calls) : "";
    }

    @SuppressWarnings("unchecked")
    private static Set<String> templateKeys(String secret) throws IOException {
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(Files.readString(Path.of("deploy/k8s/base/secret-template.yaml")))) {
            Map<String, Object> object = (Map<String, Object>) document;
            if (secret.equals(((Map<String, Object>) object.get("metadata")).get("name"))) {
                return ((Map<String, Object>) object.get("stringData")).keySet();
            }
        }
        throw new AssertionError("no Secret " + secret + " in the template");
    }

    /** User names and rotation records are in the Secret but are not secret. */
    private static boolean notSecret(String key) {
        return key.endsWith(".username") || key.startsWith("buildnest.rotated-at.");
    }
}
