package com.buildnest.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import com.buildnest.platform.throttle.ClientAddress;
import com.buildnest.testing.HttpFromAddress;
import com.buildnest.testing.HttpFromAddress.Reply;

/**
 * BuildNest behind an ingress, as {@code prod} runs it: Tomcat's forwarded-header handling
 * ({@code server.forward-headers-strategy: native}), the trusted proxy setting, the HTTPS redirect and
 * the real security filter chain. Only that part of the application runs here, on its own port, so the
 * shared test context keeps its settings. The trusted ingress is 127.0.0.2; anything else calling from
 * 127.0.0.1 is an untrusted client, whatever its headers claim.
 */
class ForwardedHeadersTests {

    static final String INGRESS = "127.0.0.2";
    static final String OUTSIDER = "127.0.0.1";
    static ConfigurableApplicationContext server;

    @BeforeAll
    static void startBehindTheIngress() {
        server = new SpringApplicationBuilder(ProxiedShop.class).web(WebApplicationType.SERVLET).logStartupInfo(false)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--server.forward-headers-strategy=native",
                        "--buildnest.platform.https.redirect=true",
                        "--buildnest.platform.throttle.trusted-proxies=" + INGRESS);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void forgedForwardedHeadersFromAnUntrustedAddressAreIgnored() throws IOException {
        Map<String, String> forged = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Port", "443");

        Reply probe = get(OUTSIDER, "/readyz", forged);
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.body()).isEqualTo("peer=127.0.0.1 client=127.0.0.1 scheme=http secure=false");
        assertThat(probe.header("Strict-Transport-Security")).isNull();

        Reply page = get(OUTSIDER, "/api/products/as-seen", forged);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("peer=127.0.0.1 client=127.0.0.1 scheme=http secure=false");
        assertThat(page.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void callersInsideTheClusterKeepPlainHttp() throws IOException {
        // The release smoke test and the Argo analysis call the pods directly, not through the ingress.
        Reply page = get(OUTSIDER, "/api/products/as-seen", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("peer=127.0.0.1 client=127.0.0.1 scheme=http secure=false");
    }

    @Test
    void forwardedHeadersFromTheTrustedIngressAreHonoured() throws IOException {
        Reply page = get(INGRESS, "/api/products/as-seen", Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-For", "198.51.100.66, 203.0.113.9", "X-Forwarded-Port", "443"));

        assertThat(page.status()).isEqualTo(200);
        // Tomcat and the rate limits' ClientAddress agree: the hop the ingress saw, not what the client wrote.
        assertThat(page.body()).isEqualTo("peer=203.0.113.9 client=203.0.113.9 scheme=https secure=true");
        assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void problemsOverHttpsCarryHstsAndEveryOtherProtection() throws IOException {
        Reply unrouted = get(INGRESS, "/api/nothing-here", Map.of("X-Forwarded-Proto", "https"));
        Reply unauthenticated = get(INGRESS, "/api/admin/audit", Map.of("X-Forwarded-Proto", "https"));

        assertThat(unrouted.status()).isEqualTo(404);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("Content-Type")).startsWith("application/problem+json");
        for (Reply reply : new Reply[] { unrouted, unauthenticated }) {
            assertThat(reply.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
            assertThat(reply.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(reply.header("Permissions-Policy")).isEqualTo(SecurityConfiguration.PERMISSIONS_POLICY);
        }
    }

    @Test
    void plainHttpThatReachedTheIngressIsRedirectedToHttps() throws IOException {
        Reply page = get(INGRESS, "/api/products/as-seen?page=2", Map.of("X-Forwarded-Proto", "http",
                "X-Forwarded-For", "203.0.113.9"));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("https://shop.example/api/products/as-seen?page=2");
        assertThat(page.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void healthProbesStayOnPlainHttpEvenFromATrustedAddress() throws IOException {
        // An ingress controller on the host network shares the node's address with the kubelet's probes.
        assertThat(get(INGRESS, "/readyz", Map.of()).status()).isEqualTo(200);
        assertThat(get(INGRESS, "/livez", Map.of()).status()).isEqualTo(200);
        assertThat(get(INGRESS, "/api/products/as-seen", Map.of()).status()).as("anything else is redirected")
                .isEqualTo(302);
    }

    static Reply get(String from, String path, Map<String, String> headers) throws IOException {
        return HttpFromAddress.get(from, ((WebServerApplicationContext) server).getWebServer().getPort(), path, headers);
    }

    /**
     * The security filter chain, the trusted-proxy settings and Tomcat, plus an endpoint that reports how
     * a request looked to the application. It answers at {@code /readyz} and {@code /livez} too, standing
     * in for the health probes there.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class })
    @ComponentScan(basePackages = "com.buildnest.platform", useDefaultFilters = false, includeFilters = @Filter(
            type = FilterType.REGEX, pattern = { "com\\.buildnest\\.platform\\.security\\.SecurityConfiguration",
                    "com\\.buildnest\\.platform\\.security\\.BrowserProtections",
                    "com\\.buildnest\\.platform\\.throttle\\.ThrottleConfiguration",
                    "com\\.buildnest\\.platform\\.web\\.ProblemResponseWriter" }))
    @ConfigurationPropertiesScan("com.buildnest.platform.throttle")
    static class ProxiedShop {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** Tokens are not what these tests are about; a real decoder with a key nobody holds refuses them all. */
        @Bean
        JwtDecoder jwtDecoder() {
            byte[] key = new byte[64];
            new SecureRandom().nextBytes(key);
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA512"))
                    .macAlgorithm(MacAlgorithm.HS512).build();
        }

        @Bean
        RouterFunction<ServerResponse> requestAsSeen(ClientAddress clientAddress) {
            HandlerFunction<ServerResponse> asSeen = request -> {
                HttpServletRequest servlet = request.servletRequest();
                return ServerResponse.ok().body("peer=" + servlet.getRemoteAddr() + " client="
                        + clientAddress.of(servlet) + " scheme=" + servlet.getScheme() + " secure=" + servlet.isSecure());
            };
            return RouterFunctions.route().GET("/readyz", asSeen).GET("/livez", asSeen)
                    .GET("/api/products/as-seen", asSeen).build();
        }
    }
}
