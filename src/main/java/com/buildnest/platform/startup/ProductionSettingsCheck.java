package com.buildnest.platform.startup;

import java.util.List;

import org.springframework.core.env.Environment;

/**
 * One module's judgement of whether its settings are safe for production. Implementations are
 * listed in {@code META-INF/spring.factories} and run before any bean exists, so they read the
 * {@link Environment} (plain keys or a {@code Binder}) rather than injected properties.
 */
public interface ProductionSettingsCheck {

    /** One plain sentence per problem, naming the setting and how to fix it; empty when all is well. */
    List<String> problemsIn(Environment environment);

    /** Whether a setting holds a non-blank value. */
    static boolean isSet(Environment environment, String key) {
        String value = environment.getProperty(key);
        return value != null && !value.isBlank();
    }

    /**
     * Whether the application terminates TLS itself (profile {@code tls}: an SSL bundle or key
     * material under {@code server.ssl.*}) rather than behind a TLS-terminating proxy.
     */
    static boolean servesTls(Environment environment) {
        if ("false".equalsIgnoreCase(environment.getProperty("server.ssl.enabled", "true").strip())) {
            return false;
        }
        return isSet(environment, "server.ssl.bundle") || isSet(environment, "server.ssl.certificate")
                || isSet(environment, "server.ssl.key-store");
    }
}
