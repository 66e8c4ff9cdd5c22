package com.buildnest.platform.throttle;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes Tomcat believe {@code X-Forwarded-For}, {@code -Proto} and {@code -Port} from exactly the
 * proxies {@link ClientAddress} believes ({@code buildnest.platform.throttle.trusted-proxies}) and from
 * nobody else. Spring Boot adds Tomcat's {@link RemoteIpValve} with {@code server.forward-headers-strategy:
 * native} (set in {@code prod}, and implied on Kubernetes); left alone, the valve trusts every private
 * address range, so any pod in the cluster could claim to be any client, over HTTPS. Runs after Boot's
 * own customizer and replaces whatever {@code server.tomcat.remoteip.internal-proxies} and
 * {@code trusted-proxies} said: one list, one answer to "who is the client, and did it use TLS".
 */
final class TrustedProxiesForTomcat implements WebServerFactoryCustomizer<TomcatWebServerFactory>,
        Ordered {

    private final String internalProxies;

    TrustedProxiesForTomcat(List<String> trustedProxies) {
        // Tomcat reads the list as CIDR ranges when it contains a '/'; empty means no proxy is trusted.
        this.internalProxies = trustedProxies.stream().map(Cidr::parse).map(Cidr::text)
                .collect(Collectors.joining(","));
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                remoteIp.setInternalProxies(internalProxies);
                remoteIp.setTrustedProxies(null);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
