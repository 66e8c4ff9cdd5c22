package com.buildnest.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.startup.Tomcat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.actuate.web.ServletManagementContextAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatServletManagementContextAutoConfiguration;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import com.buildnest.testing.HttpFromAddress;

/**
 * Actuator on a port of its own, as {@code prod} runs it: Spring Boot serves it from a second Tomcat in
 * a child context. That Tomcat must believe {@code X-Forwarded-*} from exactly the proxies the public
 * port believes, so both ports give one answer to "who is the client, and did it use TLS". The trusted
 * proxy is 127.0.0.2; a caller on 127.0.0.1 is not trusted, whatever its headers claim.
 */
class ManagementPortForwardedHeadersTests {

    static final String TRUSTED_PROXY = "127.0.0.2";
    static final String UNTRUSTED = "127.0.0.1";
    static final Map<String, String> FORWARDED = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-For", "198.51.100.66, 203.0.113.9");
    static ConfigurableApplicationContext server;

    @BeforeAll
    static void startWithActuatorOnItsOwnPort() {
        server = new SpringApplicationBuilder(ShopWithManagementPort.class).web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                        "--server.forward-headers-strategy=native",
                        "--management.endpoints.web.exposure.include=requestasseen",
                        "--buildnest.platform.throttle.trusted-proxies=" + TRUSTED_PROXY + "/32");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnoredOnTheManagementPort() throws IOException {
        assertThat(onManagementPort(UNTRUSTED)).isEqualTo("peer=127.0.0.1 scheme=http secure=false");
        assertThat(onPublicPort(UNTRUSTED)).isEqualTo("peer=127.0.0.1 scheme=http secure=false");
    }

    @Test
    void forwardedHeadersFromATrustedProxyAreHonouredOnTheManagementPort() throws IOException {
        // The hop the proxy saw, not what the client wrote left of it.
        assertThat(onManagementPort(TRUSTED_PROXY)).isEqualTo("peer=203.0.113.9 scheme=https secure=true");
        assertThat(onPublicPort(TRUSTED_PROXY)).isEqualTo("peer=203.0.113.9 scheme=https secure=true");
    }

    @Test
    void actuatorLinksUseTheSchemeTheTrustedProxyReported() throws IOException {
        int port = port("local.management.port");
        assertThat(HttpFromAddress.get(TRUSTED_PROXY, port, "/actuator", FORWARDED).body())
                .contains("\"href\":\"https://shop.example/actuator\"");
        assertThat(HttpFromAddress.get(UNTRUSTED, port, "/actuator", FORWARDED).body())
                .contains("\"href\":\"http://shop.example/actuator\"");
    }

    @Test
    void thePublicTomcatIsCustomizedOnceAlthoughComponentScanningFindsTheManagementConfigurationToo() {
        // Scanned as the application scans com.buildnest: the management server's configuration stays out.
        Tomcat tomcat = ((TomcatWebServer) ((WebServerApplicationContext) server).getWebServer()).getTomcat();
        assertThat(tomcat.getEngine().getPipeline().getValves()).extracting(valve -> valve.getClass().getSimpleName())
                .containsExactly("MarkProxiedRequests", "RemoteIpValve", "StandardEngineValve");
    }

    private static String onManagementPort(String from) throws IOException {
        HttpFromAddress.Reply reply = HttpFromAddress.get(from, port("local.management.port"),
                "/actuator/requestasseen", FORWARDED);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private static String onPublicPort(String from) throws IOException {
        HttpFromAddress.Reply reply = HttpFromAddress.get(from, port("local.server.port"), "/as-seen", FORWARDED);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private static int port(String property) {
        return server.getEnvironment().getRequiredProperty(property, Integer.class);
    }

    static String asSeen(HttpServletRequest request) {
        return "peer=" + request.getRemoteAddr() + " scheme=" + request.getScheme() + " secure=" + request.isSecure();
    }

    /**
     * Tomcat, Spring MVC and Actuator with the real trusted-proxy settings, found by component scanning as
     * the application finds them; the same report of how a request looked is served on the public port
     * and, as an endpoint, on the management port.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
            ManagementContextAutoConfiguration.class, ServletManagementContextAutoConfiguration.class,
            TomcatServletManagementContextAutoConfiguration.class })
    @ComponentScan(basePackages = "com.buildnest.platform.throttle", useDefaultFilters = false, includeFilters = @Filter(
            type = FilterType.REGEX, pattern = { "com\\.buildnest\\.platform\\.throttle\\.ThrottleConfiguration",
                    "com\\.buildnest\\.platform\\.throttle\\.ManagementServerTrustedProxies" }))
    @EnableConfigurationProperties(ThrottleProperties.class)
    static class ShopWithManagementPort {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        RouterFunction<ServerResponse> requestAsSeen() {
            return RouterFunctions.route()
                    .GET("/as-seen", request -> ServerResponse.ok().body(asSeen(request.servletRequest()))).build();
        }

        @Bean
        RequestAsSeenEndpoint requestAsSeenEndpoint() {
            return new RequestAsSeenEndpoint();
        }
    }

    /** An Actuator endpoint, so it is served by the management server's own Tomcat. */
    @WebEndpoint(id = "requestasseen")
    static class RequestAsSeenEndpoint {

        @ReadOperation
        String read() {
            return asSeen(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
        }
    }
}
