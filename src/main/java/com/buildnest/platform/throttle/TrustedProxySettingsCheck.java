package com.buildnest.platform.throttle;

import static com.buildnest.platform.startup.ProductionSettingsCheck.isSet;
import static com.buildnest.platform.startup.ProductionSettingsCheck.servesTls;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.buildnest.platform.startup.ProductionSettingsCheck;

/**
 * In {@code prod} the proxies whose forwarded headers are believed must be named, and must not be
 * everyone: they decide the client address every rate limit counts, and whether a request came over
 * HTTPS (the redirect, HSTS). Behind an ingress with no proxy trusted every request would look like
 * plain HTTP from the ingress itself (redirected forever, one rate-limit bucket for all customers).
 */
class TrustedProxySettingsCheck implements ProductionSettingsCheck {

    static final String SETTING = "buildnest.platform.throttle.trusted-proxies";

    @Override
    public List<String> problemsIn(Environment environment) {
        List<String> problems = new ArrayList<>();
        List<String> proxies = Binder.get(environment).bind(SETTING, Bindable.listOf(String.class))
                .orElse(List.of());
        if (proxies.isEmpty() && !servesTls(environment)) {
            problems.add(SETTING + " (BUILDNEST_PLATFORM_THROTTLE_TRUSTEDPROXIES) is not set: name the ingress "
                    + "controller's pod CIDR, e.g. 10.42.0.0/16, so that its X-Forwarded-Proto and X-Forwarded-For "
                    + "are believed (or serve TLS yourself with the tls profile; docs/runbooks/tls.md).");
        }
        for (String proxy : proxies) {
            try {
                if (Cidr.parse(proxy).everything()) {
                    problems.add(SETTING + " contains " + proxy.strip() + ", which trusts every address: any "
                            + "client could claim any address and HTTPS. Name only the ingress controller's range.");
                }
            } catch (IllegalArgumentException invalid) {
                problems.add(invalid.getMessage());
            }
        }
        if ("framework".equalsIgnoreCase(environment.getProperty("server.forward-headers-strategy", "").strip())) {
            problems.add("server.forward-headers-strategy is 'framework', which believes forwarded headers from every "
                    + "client; keep 'native', which believes only " + SETTING + ".");
        }
        for (String overridden : List.of("server.tomcat.remoteip.internal-proxies",
                "server.tomcat.remoteip.trusted-proxies")) {
            if (isSet(environment, overridden)) {
                problems.add(overridden + " is set, but BuildNest replaces it with " + SETTING
                        + " so that Tomcat and the rate limits agree: move the ranges there.");
            }
        }
        return problems;
    }
}
