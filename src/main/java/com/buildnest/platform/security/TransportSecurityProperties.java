package com.buildnest.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How BuildNest treats requests that reached it without TLS.
 *
 * @param redirect send plain-HTTP requests to the same address over HTTPS (on in {@code prod});
 *        whether a request was plain HTTP is judged after the trusted proxies' {@code X-Forwarded-Proto}
 *        is applied, and health probes and the management port are never redirected
 */
@ConfigurationProperties("buildnest.platform.https")
record TransportSecurityProperties(@DefaultValue("false") boolean redirect) {
}
