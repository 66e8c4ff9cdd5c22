package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Registration;
import com.buildnest.customer.Role;
import com.buildnest.testing.ApiClient;

/**
 * Someone using the pages over plain HTTP, as a browser would without running it: a cookie jar for
 * the page session, the sign-in form, and forms posted with (or, to test the refusal, without) the
 * CSRF token the last page carried. Redirects are not followed, so a test sees each one.
 */
final class PageVisitor {

    static final String PASSWORD = "Correct-Horse-Battery-42";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    private PageVisitor(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A visitor who has not signed in. */
    static PageVisitor guest(ApiClient api) {
        return new PageVisitor(api.baseUrl());
    }

    /**
     * A new account with the given roles (besides CUSTOMER, which every account keeps), given as
     * an administrator gives them through {@code PUT /api/admin/customers/{id}/roles}; answers its username.
     */
    static String newAccount(Registration registration, ApiClient api, AccessTokens tokens, Role... roles) {
        String username = "bo" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        long id = registration.registerCustomer(new Registration.Application(username, username + "@example.com",
                PASSWORD, "Staff Member", null));
        if (roles.length > 0) {
            String names = java.util.Arrays.stream(roles).map(role -> "\"" + role + "\"")
                    .collect(Collectors.joining(", "));
            ApiClient.Response granted = api.send("PUT", "/api/admin/customers/" + id + "/roles",
                    Map.of("Content-Type", "application/json", "Authorization",
                            "Bearer " + tokens.validFor(tokens.newCustomer(), Role.ADMIN)),
                    HttpRequest.BodyPublishers.ofString("{\"roles\": [" + names + "]}"));
            assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        }
        return username;
    }

    /** Signs in through the storefront's sign-in page, as staff do before opening the back office. */
    static PageVisitor signedIn(ApiClient api, String username) {
        PageVisitor visitor = guest(api);
        visitor.get("/signin");
        HttpResponse<String> signedIn = visitor.post("/signin", Map.of("username", username, "password", PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return visitor;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/html").GET());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Posts a form with the CSRF token of the last page, as the page's own form would. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return postWithoutToken(path, withToken);
    }

    HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
