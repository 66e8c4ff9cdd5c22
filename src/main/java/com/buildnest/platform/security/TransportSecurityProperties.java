package com.buildnest.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How BuildNest treats requests that reached it without TLS.
 *
 * @param redirect send plain-HTTP requests from outside to the same address over HTTPS (on in
 *        {@code prod}): those that came through a trusted proxy whose {@code X-Forwarded-Proto} says
 *        {@code http}. Callers inside the cluster, health probes and the management port keep plain HTTP
 *        ({@link PlainHttpFromOutside})
 */
@ConfigurationProperties("buildnest.platform.https")
record TransportSecurityProperties(@DefaultValue("false") boolean redirect) {
}
