package com.buildnest.platform.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.buildnest.platform.throttle.ClientAddress;

/**
 * The requests the HTTPS redirect applies to: those that came from outside, through a trusted proxy
 * (the ingress), and that the proxy says were plain HTTP. Callers inside the cluster that reach the
 * pod directly (the release smoke test, the Argo analysis, Prometheus) keep plain HTTP; so do the
 * health probes, even from an address in a trusted range (an ingress controller on the host network
 * shares the node's address with the kubelet), and everything on the management port (8081 in
 * {@code prod}), which the Spring Security filter chain guards too. Whether the request was plain HTTP
 * is decided by the redirect filter from the scheme Tomcat set from the proxy's {@code X-Forwarded-Proto}.
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
        if (!Boolean.TRUE.equals(request.getAttribute(ClientAddress.VIA_TRUSTED_PROXY))
                || PROBE_PATHS.contains(request.getRequestURI())) {
            return false;
        }
        // Known only once the management server is up, and then only if it has a port of its own.
        Integer managementPort = environment.getProperty(MANAGEMENT_PORT, Integer.class);
        return managementPort == null || managementPort != request.getLocalPort();
    }
}
