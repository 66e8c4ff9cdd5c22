package com.buildnest.platform.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests the HTTPS redirect applies to: everything on the application port except the health
 * probes, which the kubelet sends over plain HTTP inside the cluster. The Spring Security filter chain
 * also guards the management port (8081 in {@code prod}), where Prometheus and the probes of the
 * monitoring namespace speak plain HTTP; nothing there is redirected either. Whether the request was
 * plain HTTP at all is decided by the redirect filter from {@code request.isSecure()}, which Tomcat has
 * already set from a trusted proxy's {@code X-Forwarded-Proto}.
 */
final class PlainHttpFromOutside implements RequestMatcher {

    static final Set<String> PROBE_PATHS = Set.of("/livez", "/readyz");
    private static final String MANAGEMENT_PORT = "local.management.port";

    private final Environment environment;

    PlainHttpFromOutside(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (PROBE_PATHS.contains(request.getRequestURI())) {
            return false;
        }
        // Known only once the management server is up, and then only if it has a port of its own.
        Integer managementPort = environment.getProperty(MANAGEMENT_PORT, Integer.class);
        return managementPort == null || managementPort != request.getLocalPort();
    }
}
