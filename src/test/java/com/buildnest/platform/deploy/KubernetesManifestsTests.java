package com.buildnest.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.buildnest.platform.secrets.MountedSecrets;
import com.buildnest.platform.secrets.RotatedSecret;
import com.buildnest.platform.startup.ProductionSettingsCheck;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes manifests (deploy/k8s, rendered by {@code kubectl kustomize} as CI renders them)
 * agree with the application they deploy: every metric an alert or a release analysis asks
 * Prometheus about is one BuildNest exports (with the labels it exports), or a named external one;
 * every key of the mounted Secret is a property the application reads from its secrets directory,
 * and together with the ConfigMap they satisfy the prod profile's start-up checks; every ConfigMap
 * key binds to a property the application knows; probes, ports and shutdown timings match the
 * application's; and the release smoke test passes against a running BuildNest.
 */
@BuildNestTest
class KubernetesManifestsTests {

    private static final Path K8S = Path.of("deploy", "k8s");
    private static final List<String> OVERLAYS = List.of("staging", "production", "production-soft-launch");

    /** Metrics the application does not export, with where they come from and the labels they carry. */
    private static final Map<String, Set<String>> EXTERNAL_METRICS = Map.of(
            // kube-state-metrics
            "kube_pod_status_ready", Set.of("namespace", "pod", "uid", "condition"),
            // cert-manager's controller
            "certmanager_certificate_expiration_timestamp_seconds",
            Set.of("name", "namespace", "issuer_name", "issuer_kind", "issuer_group"));

    /** Labels Prometheus Operator adds to every target a PodMonitor scrapes. */
    private static final Set<String> SCRAPE_LABELS = Set.of("namespace", "pod", "container", "endpoint", "job",
            "instance");

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    @Autowired
    ApiClient api;

    @Autowired
    Environment environment;

    @Test
    void everyMetricInAlertsAndAnalysisIsExportedWithTheLabelsUsed() throws Exception {
        // Requests first, so the request timers (and their buckets) exist.
        assertThat(api.get("/api/products?size=1").status()).isEqualTo(200);
        assertThat(api.get("/api/no-such-thing").status()).isEqualTo(404);
        Map<String, Set<String>> exported = exportedMetrics(api.get("/actuator/prometheus").body());

        Map<String, List<String>> expressions = new LinkedHashMap<>();
        Set<String> scrapeLabels = new HashSet<>(SCRAPE_LABELS);
        for (String overlay : OVERLAYS) {
            for (Map<String, Object> object : render("overlays/" + overlay)) {
                String where = overlay + " " + object.get("kind") + " " + name(object);
                switch ((String) object.get("kind")) {
                    case "PrometheusRule" -> list(path(object, "spec", "groups")).forEach(group -> list(map(group).get("rules"))
                            .forEach(rule -> expressions.computeIfAbsent(where, k -> new ArrayList<>())
                                    .add((String) map(rule).get("expr"))));
                    case "AnalysisTemplate" -> list(path(object, "spec", "metrics")).stream()
                            .map(metric -> path(map(metric), "provider", "prometheus"))
                            .filter(prometheus -> prometheus != null)
                            .forEach(prometheus -> expressions.computeIfAbsent(where, k -> new ArrayList<>())
                                    .add((String) map(prometheus).get("query")));
                    case "PodMonitor" -> list(path(object, "spec", "podMetricsEndpoints"))
                            .forEach(endpoint -> list(map(endpoint).get("relabelings"))
                                    .forEach(relabel -> scrapeLabels.add((String) map(relabel).get("targetLabel"))));
                    default -> { }
                }
            }
        }
        assertThat(expressions.keySet()).as("rules and analyses found")
                .anyMatch(where -> where.contains("PrometheusRule"))
                .anyMatch(where -> where.contains("buildnest-error-rate-and-latency"));

        List<String> problems = new ArrayList<>();
        Set<String> usedAppMetrics = new TreeSet<>();
        expressions.forEach((where, queries) -> queries.forEach(query -> {
            PromQl parsed = PromQl.parse(query);
            Set<String> labelsOfTheseMetrics = new HashSet<>(scrapeLabels);
            for (String metric : parsed.metrics()) {
                Set<String> labels = exported.containsKey(metric) ? exported.get(metric) : EXTERNAL_METRICS.get(metric);
                if (labels == null) {
                    problems.add(where + ": metric " + metric + " is neither exported by BuildNest nor a listed external metric");
                    continue;
                }
                if (exported.containsKey(metric)) {
                    usedAppMetrics.add(metric);
                }
                labelsOfTheseMetrics.addAll(labels);
            }
            parsed.labels().stream().filter(label -> !labelsOfTheseMetrics.contains(label))
                    .forEach(label -> problems.add(where + ": label " + label + " is on none of " + parsed.metrics()));
        }));
        assertThat(problems).isEmpty();
        assertThat(usedAppMetrics).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "hikaricp_connections_active", "buildnest_backup_last_success_seconds",
                "buildnest_refunds_owed_oldest_age_seconds");
    }

    @Test
    void theMountedSecretHoldsPropertiesTheApplicationReadsAndIsAllProductionLacks(@TempDir Path secrets)
            throws Exception {
        List<Map<String, Object>> objects = render("overlays/production");
        Map<String, Object> podSpec = map(path(only(objects, "Rollout"), "spec", "template", "spec"));
        Map<String, Object> secretVolume = list(podSpec.get("volumes")).stream().map(KubernetesManifestsTests::map)
                .filter(volume -> volume.containsKey("secret")).findFirst().orElseThrow();
        String secretName = (String) map(secretVolume.get("secret")).get("secretName");
        Map<String, Object> container = map(list(podSpec.get("containers")).get(0));
        Map<String, Object> mount = list(container.get("volumeMounts")).stream().map(KubernetesManifestsTests::map)
                .filter(m -> secretVolume.get("name").equals(m.get("name"))).findFirst().orElseThrow();
        Map<String, String> config = configMap(objects);

        // Mounted whole (a subPath mount would never see a rotated value) where the app looks for it.
        assertThat(mount).doesNotContainKey("subPath");
        assertThat(map(secretVolume.get("secret"))).doesNotContainKey("items");
        assertThat(mount.get("mountPath")).isEqualTo(config.get("BUILDNEST_SECRETSDIR"));

        // Each file of the secrets directory sets the property it is named after (configtree), or
        // records when a rotated secret was last replaced; every rotated secret has its record.
        Set<String> keys = map(secretTemplate(secretName).get("stringData")).keySet();
        Set<String> records = Arrays.stream(RotatedSecret.values())
                .map(secret -> MountedSecrets.ROTATION_RECORD_PREFIX + secret.tag()).collect(Collectors.toSet());
        Set<ConfigurationPropertyName> known = knownProperties();
        assertThat(keys).isNotEmpty().containsAll(records).allSatisfy(key -> assertThat(records.contains(key)
                || isKnown(known, ConfigurationPropertyName.of(key)))
                .as("secret file %s is a property BuildNest reads or a rotation record", key).isTrue());
        assertThat(keys).containsAll(Arrays.stream(RotatedSecret.values()).map(RotatedSecret::file).toList());

        // Without the Secret, production lacks only what the Secret provides ...
        List<String> lacking = productionProblems(config, secrets);
        assertThat(lacking).isNotEmpty()
                .allSatisfy(problem -> assertThat(keys).anyMatch(key -> problem.startsWith(key + " ")));
        // ... and with its files, holding values of the right shape, nothing.
        for (String key : keys) {
            Files.writeString(secrets.resolve(key), plausibleSecret(key));
        }
        assertThat(productionProblems(config, secrets)).isEmpty();
    }

    /** Variables as the process environment (Spring maps names only for a source with that name). */
    private static SystemEnvironmentPropertySource asEnvironmentVariables(Map<String, String> variables) {
        return new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(variables));
    }

    /** The prod profile's start-up checks on the ConfigMap (as environment) and a secrets directory. */
    private static List<String> productionProblems(Map<String, String> config, Path secrets) throws IOException {
        StandardEnvironment production = new StandardEnvironment();
        MutablePropertySources sources = production.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addLast(asEnvironmentVariables(config));
        sources.addLast(new ConfigTreePropertySource("secrets", secrets));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        yaml.load("prod", new ClassPathResource("application-prod.yaml")).forEach(sources::addLast);
        yaml.load("default", new ClassPathResource("application.yaml")).forEach(sources::addLast);
        production.setActiveProfiles("prod");
        List<String> problems = new ArrayList<>();
        for (ProductionSettingsCheck check : SpringFactoriesLoader.forDefaultResourceLocation()
                .load(ProductionSettingsCheck.class)) {
            problems.addAll(check.problemsIn(production));
        }
        return problems;
    }

    @Test
    void everyConfigMapKeyBindsToAPropertyTheApplicationKnows() throws Exception {
        Set<ConfigurationPropertyName> known = knownProperties();
        for (String overlay : OVERLAYS) {
            Map<String, String> config = configMap(render("overlays/" + overlay));
            assertThat(config).containsKeys("SPRING_PROFILES_ACTIVE", "BUILDNEST_SECRETSDIR");
            config.forEach((variable, value) -> {
                ConfigurationPropertySource asEnvironment = ConfigurationPropertySource
                        .from(asEnvironmentVariables(Map.of(variable, value)));
                // As the binder looks a property up: the known name, asked of the environment variable.
                boolean binds = known.stream().anyMatch(name -> asEnvironment.getConfigurationProperty(name) != null)
                        || ((IterableConfigurationPropertySource) asEnvironment).stream()
                                .anyMatch(name -> isKnown(known, name));
                assertThat(binds).as("%s: %s binds to a property BuildNest knows", overlay, variable).isTrue();
            });
        }
    }

    @Test
    void podsShutDownGracefullyWithinTheirGracePeriodAndProbeRealEndpoints() throws Exception {
        for (String overlay : OVERLAYS) {
            List<Map<String, Object>> objects = render("overlays/" + overlay);
            Map<String, Object> podSpec = map(path(only(objects, "Rollout"), "spec", "template", "spec"));
            Map<String, Object> container = map(list(podSpec.get("containers")).get(0));
            Map<String, String> config = configMap(objects);

            long grace = ((Number) podSpec.get("terminationGracePeriodSeconds")).longValue();
            List<?> preStop = list(path(container, "lifecycle", "preStop", "exec", "command"));
            long preStopSeconds = Long.parseLong((String) preStop.get(1));
            Duration shutdownPhase = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class);
            assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
            assertThat(preStop.get(0)).isEqualTo("sleep");
            assertThat(preStopSeconds).isPositive().isLessThan(grace);
            assertThat(preStopSeconds + shutdownPhase.toSeconds()).as("preStop + graceful shutdown fit the grace period")
                    .isLessThan(grace);

            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                String probePath = (String) path(container, probe, "httpGet", "path");
                assertThat(api.get(probePath).status()).as("%s %s", probe, probePath).isEqualTo(200);
                assertThat(path(container, probe, "httpGet", "port")).isEqualTo("http");
            }
            Map<String, Integer> ports = list(container.get("ports")).stream().map(KubernetesManifestsTests::map)
                    .collect(Collectors.toMap(p -> (String) p.get("name"), p -> ((Number) p.get("containerPort")).intValue()));
            Map<String, Object> prod = yamlResource("application-prod.yaml");
            assertThat(ports.get("management")).isEqualTo(path(prod, "management", "server", "port"));
            assertThat(ports.get("http")).isEqualTo(path(yamlResource("application.yaml"), "server", "port"));

            assertThat(path(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(path(podSpec, "securityContext", "runAsNonRoot")).isEqualTo(true);
            Set<String> writable = list(container.get("volumeMounts")).stream().map(KubernetesManifestsTests::map)
                    .filter(m -> list(podSpec.get("volumes")).stream().map(KubernetesManifestsTests::map)
                            .anyMatch(v -> v.get("name").equals(m.get("name")) && v.containsKey("emptyDir")))
                    .map(m -> (String) m.get("mountPath")).collect(Collectors.toSet());
            assertThat(writable).containsExactlyInAnyOrder("/tmp", config.get("BUILDNEST_PLATFORM_DATADIR"));
        }
    }

    @Test
    void productionWaitsForAPersonAndEveryReleaseIsAnalysed() throws Exception {
        Map<String, Object> production = only(render("overlays/production"), "Rollout");
        Map<String, Object> blueGreen = map(path(production, "spec", "strategy", "blueGreen"));
        assertThat(blueGreen.get("autoPromotionEnabled")).isEqualTo(false);
        assertThat(blueGreen.get("scaleDownDelaySeconds")).isEqualTo(3600);
        Set<String> templates = render("overlays/production").stream()
                .filter(o -> "AnalysisTemplate".equals(o.get("kind"))).map(KubernetesManifestsTests::name)
                .collect(Collectors.toSet());
        for (String phase : List.of("prePromotionAnalysis", "postPromotionAnalysis")) {
            assertThat(list(path(blueGreen, phase, "templates"))).isNotEmpty()
                    .allSatisfy(t -> assertThat(templates).contains((String) map(t).get("templateName")));
        }

        Map<String, Object> canary = map(path(only(render("overlays/production-soft-launch"), "Rollout"),
                "spec", "strategy", "canary"));
        List<Object> weights = list(canary.get("steps")).stream().map(KubernetesManifestsTests::map)
                .filter(step -> step.containsKey("setWeight")).map(step -> step.get("setWeight")).toList();
        assertThat(weights).containsExactly(5, 25, 50, 100);
        assertThat(list(path(canary, "analysis", "templates"))).extracting(t -> map(t).get("templateName"))
                .containsExactly("buildnest-error-rate-and-latency");
    }

    @Test
    void eachEnvironmentKeepsOnlyThePreviousVersionRunningForItsRollbackWindow() throws Exception {
        Map<String, Integer> windows = Map.of("overlays/production", 3600, "overlays/staging", 900);
        for (Map.Entry<String, Integer> window : windows.entrySet()) {
            Map<String, Object> blueGreen = map(path(only(render(window.getKey()), "Rollout"), "spec", "strategy",
                    "blueGreen"));
            assertThat(blueGreen.get("scaleDownDelaySeconds")).as(window.getKey()).isEqualTo(window.getValue());
            assertThat(blueGreen.get("scaleDownDelayRevisionLimit")).as(window.getKey()).isEqualTo(1);
        }
    }

    @Test
    void theReleaseSmokeTestPassesAgainstARunningBuildNestAndFailsOnAWrongPassword(@TempDir Path work)
            throws Exception {
        Path password = work.resolve("password");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Files.writeString(password, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        String account = "smoke" + System.nanoTime();

        Run first = smokeTest(account, password);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("smoke test passed", "emptied it").doesNotContain(Files.readString(password));
        Run again = smokeTest(account, password);   // the account exists now: signs in, no registration
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(api.get("/api/cart", login(account, Files.readString(password))).json().get("items")).isEmpty();

        Files.writeString(password, "not-the-smoke-accounts-password-" + System.nanoTime());
        Run refused = smokeTest(account, password);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("smoke test FAILED", "/api/auth/register answered 409");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Run(int exitCode, String output) {
    }

    private Run smokeTest(String account, Path password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("python3", K8S.resolve("base/smoke-test.py").toString(), api.baseUrl())
                .redirectErrorStream(true);
        builder.environment().put("SMOKE_USERNAME", account);
        builder.environment().put("SMOKE_EMAIL", account + "@example.com");
        builder.environment().put("SMOKE_PASSWORD_FILE", password.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private String login(String username, String password) {
        return api.postJson("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .json().get("accessToken").asString();
    }

    /** kubectl kustomize, as ops/k8s/validate.sh and an operator run it. */
    private static List<Map<String, Object>> render(String target) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(target).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s", target).isZero();
        return documents(rendered);
    }

    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml).forEach(o -> {
            if (o != null) {
                objects.add(map(o));
            }
        });
        return objects;
    }

    private static Map<String, Object> secretTemplate(String name) throws IOException {
        return documents(Files.readString(K8S.resolve("base/secret-template.yaml"))).stream()
                .filter(o -> name.equals(name(o))).findFirst().orElseThrow();
    }

    private static Map<String, Object> yamlResource(String name) throws IOException {
        try (InputStream in = new ClassPathResource(name).getInputStream()) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        }
    }

    private static Map<String, String> configMap(List<Map<String, Object>> objects) {
        Map<String, Object> configMap = objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .filter(o -> name(o).startsWith("buildnest-config-")).findFirst().orElseThrow();
        Map<String, String> data = new LinkedHashMap<>();
        map(configMap.get("data")).forEach((key, value) -> data.put(key, String.valueOf(value)));
        return data;
    }

    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String name(Map<String, Object> object) {
        return (String) map(object.get("metadata")).get("name");
    }

    private static Object path(Map<String, Object> object, String... keys) {
        Object current = object;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** Metric name to label names, from the Prometheus text format. */
    static Map<String, Set<String>> exportedMetrics(String exposition) {
        Map<String, Set<String>> metrics = new HashMap<>();
        Pattern sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s");
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");
        for (String line : exposition.split("\n")) {
            Matcher m = sample.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Set<String> labels = metrics.computeIfAbsent(m.group(1), k -> new HashSet<>());
            if (m.group(3) != null) {
                Matcher l = label.matcher(m.group(3));
                while (l.find()) {
                    labels.add(l.group(1));
                }
            }
        }
        return metrics;
    }

    /** Every property name the application binds: configuration metadata of every jar and of BuildNest, and
     * every ${placeholder} its own application*.yaml files read. */
    private static Set<ConfigurationPropertyName> knownProperties() throws IOException {
        Set<ConfigurationPropertyName> known = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        ClassLoader loader = KubernetesManifestsTests.class.getClassLoader();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : java.util.Collections.list(loader.getResources(resource))) {
                try (InputStream in = url.openStream()) {
                    JsonNode properties = json.readTree(in).get("properties");
                    if (properties != null) {
                        properties.forEach(p -> {
                            ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(p.get("name").asString());
                            if (name != null) {
                                known.add(name);
                            }
                        });
                    }
                }
            }
        }
        Pattern placeholder = Pattern.compile("\\$\\{([a-zA-Z0-9.\\-]+)[:}]");
        for (String file : List.of("application.yaml", "application-prod.yaml", "application-services.yaml")) {
            try (InputStream in = new ClassPathResource(file).getInputStream()) {
                Matcher m = placeholder.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    known.add(ConfigurationPropertyName.of(m.group(1)));
                }
            }
        }
        return known;
    }

    /** Known as itself, or as an entry of a known map or list property. */
    private static boolean isKnown(Set<ConfigurationPropertyName> known, ConfigurationPropertyName name) {
        return known.stream().anyMatch(k -> k.equals(name) || k.isAncestorOf(name) && name.isLastElementIndexed());
    }

    private static String plausibleSecret(String key) {
        if (key.startsWith(MountedSecrets.ROTATION_RECORD_PREFIX)) {
            return "2026-11-01T00:00:00Z";
        }
        if (key.endsWith(".username")) {
            return "buildnest_a";
        }
        byte[] random = new byte[64];
        new SecureRandom().nextBytes(random);
        String value = Base64.getEncoder().encodeToString(random);
        return key.endsWith("key-id") ? "rzp_live_" + value.replaceAll("[^A-Za-z0-9]", "").substring(0, 14) : value;
    }

    /** Just enough PromQL: the metric names an expression selects and the label names it uses. */
    record PromQl(Set<String> metrics, Set<String> labels) {

        static PromQl parse(String query) {
            String text = query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", "\"\"");
            Set<String> labels = new TreeSet<>();
            Matcher grouping = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)")
                    .matcher(text);
            while (grouping.find()) {
                for (String label : grouping.group(2).split(",")) {
                    if (!label.isBlank()) {
                        labels.add(label.trim());
                    }
                }
            }
            text = grouping.replaceAll(" ");
            Matcher selector = Pattern.compile("\\{([^}]*)\\}").matcher(text);
            while (selector.find()) {
                Matcher matcher = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)").matcher(selector.group(1));
                while (matcher.find()) {
                    labels.add(matcher.group(1));
                }
            }
            text = selector.replaceAll(" ").replaceAll("\\[[^]]*]", " ");
            Set<String> metrics = new TreeSet<>();
            Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(text);
            while (identifier.find()) {
                if (identifier.group(2) == null && !PROMQL_WORDS.contains(identifier.group(1))) {
                    metrics.add(identifier.group(1));
                }
            }
            return new PromQl(metrics, labels);
        }
    }
}
