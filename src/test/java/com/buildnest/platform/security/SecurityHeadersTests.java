package com.buildnest.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.customer.AccessTokens;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

/**
 * Every answer, a success or a problem, carries the browser protections; HSTS only over HTTPS (which
 * the shared test server is not: see {@link ForwardedHeadersTests} for HSTS behind a trusted proxy).
 */
@BuildNestTest
class SecurityHeadersTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Test
    void apiResponseCarriesEveryProtection() {
        Response products = api.get("/api/products");
        assertThat(products.status()).isEqualTo(200);
        assertProtected(products.raw().headers());
    }

    @Test
    void problemResponsesCarryEveryProtection() {
        String customer = tokens.validFor(tokens.newCustomer());
        Response notFound = api.get("/api/no-such-thing");
        Response unauthenticated = api.get("/api/orders");
        Response forbidden = api.get("/api/admin/audit", customer);
        Response bug = api.get("/api/probe/bug", customer);
        Response malformed = api.postJson("/api/auth/login", "{not json");

        assertThat(Map.of(404, notFound, 401, unauthenticated, 403, forbidden, 500, bug, 400, malformed))
                .allSatisfy((status, response) -> {
                    assertThat(response.status()).isEqualTo(status);
                    assertThat(response.raw().headers().firstValue("Content-Type").orElseThrow())
                            .startsWith("application/problem+json");
                    assertProtected(response.raw().headers());
                });
    }

    @Test
    void swaggerUiGetsItsOwnPolicyStillWithoutInlineScript() {
        Response ui = api.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw().headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY).contains("script-src 'self';");
    }

    static void assertProtected(HttpHeaders headers) {
        assertThat(headers.allValues("Content-Security-Policy")).containsExactly(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Permissions-Policy")).hasValue("accelerometer=(), camera=(), geolocation=(), "
                + "gyroscope=(), magnetometer=(), microphone=(), payment=(self), usb=()");
        assertThat(headers.firstValue("Strict-Transport-Security")).as("HSTS is sent over HTTPS only").isEmpty();
    }
}
