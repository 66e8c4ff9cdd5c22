package com.buildnest.platform.throttle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
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
 * {@code trusted-proxies} said: one list, one answer to "who is the client, and did it use TLS". The
 * management server's own Tomcat gets the same from {@link ManagementServerTrustedProxies}.
 *
 * <p>Before the valve rewrites the peer address, the request is marked
 * ({@link ClientAddress#VIA_TRUSTED_PROXY}) when it came through one of those proxies, that is from
 * outside the cluster; the HTTPS redirect applies to those requests only.
 */
final class TrustedProxiesForTomcat implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    private final List<Cidr> trustedProxies;
    private final String internalProxies;

    TrustedProxiesForTomcat(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
        // Tomcat reads the list as CIDR ranges when it contains a '/'; empty means no proxy is trusted.
        this.internalProxies = this.trustedProxies.stream().map(Cidr::text).collect(Collectors.joining(","));
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        List<Valve> valves = new ArrayList<>();
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                remoteIp.setInternalProxies(internalProxies);
                remoteIp.setTrustedProxies(null);
                valves.add(new MarkProxiedRequests(trustedProxies));
            }
            valves.add(valve);
        }
        factory.setEngineValves(valves);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Notes, while the peer is still the direct one, whether it is a trusted proxy. */
    private static final class MarkProxiedRequests extends ValveBase {

        private final List<Cidr> trustedProxies;

        MarkProxiedRequests(List<Cidr> trustedProxies) {
            super(true);
            this.trustedProxies = trustedProxies;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            boolean proxied = IpLiteral.parse(request.getRemoteAddr())
                    .map(peer -> trustedProxies.stream().anyMatch(range -> range.contains(peer)))
                    .orElse(false);
            if (proxied) {
                request.setAttribute(ClientAddress.VIA_TRUSTED_PROXY, Boolean.TRUE);
            }
            getNext().invoke(request, response);
        }
    }
}
