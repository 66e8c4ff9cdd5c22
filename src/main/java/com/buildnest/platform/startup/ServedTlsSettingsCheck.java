package com.buildnest.platform.startup;

import static com.buildnest.platform.startup.ProductionSettingsCheck.isSet;
import static com.buildnest.platform.startup.ProductionSettingsCheck.servesTls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * When {@code prod} serves TLS itself (without Kubernetes, profile {@code tls}), its certificate and
 * private key must be there: a missing PEM file would otherwise surface as a stack trace from deep
 * inside Tomcat's connector start, after the database wait.
 */
class ServedTlsSettingsCheck implements ProductionSettingsCheck {

    @Override
    public List<String> problemsIn(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (!servesTls(environment)) {
            return problems;
        }
        String bundle = environment.getProperty("server.ssl.bundle", "").strip();
        if (!bundle.isEmpty()) {
            String pem = "spring.ssl.bundle.pem." + bundle + ".keystore.";
            String jks = "spring.ssl.bundle.jks." + bundle + ".keystore.location";
            if (isSet(environment, pem + "certificate") || isSet(environment, pem + "private-key")) {
                requireFile(environment, pem + "certificate", problems);
                requireFile(environment, pem + "private-key", problems);
            } else if (isSet(environment, jks)) {
                requireFile(environment, jks, problems);
            } else {
                problems.add("server.ssl.bundle names the SSL bundle '" + bundle + "', but neither " + pem
                        + "certificate/private-key nor " + jks + " is set (see docs/runbooks/tls.md).");
            }
        } else if (isSet(environment, "server.ssl.certificate")) {
            requireFile(environment, "server.ssl.certificate", problems);
            requireFile(environment, "server.ssl.certificate-private-key", problems);
        } else {
            requireFile(environment, "server.ssl.key-store", problems);
        }
        return problems;
    }

    private static void requireFile(Environment environment, String key, List<String> problems) {
        String location = environment.getProperty(key, "").strip();
        if (location.isEmpty()) {
            problems.add(key + " is not set, but the application is configured to serve TLS itself.");
            return;
        }
        if (location.startsWith("-----BEGIN") || location.startsWith("classpath:")) {
            return; // inline PEM text, or packaged with the application
        }
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        if (!Files.isReadable(file)) {
            problems.add(key + " points at " + file + ", which does not exist or cannot be read: mount the "
                    + "certificate and key there (PEM), or leave TLS to the ingress.");
        }
    }
}
