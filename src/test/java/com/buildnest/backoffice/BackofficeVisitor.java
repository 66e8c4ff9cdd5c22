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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.Browser;

/**
 * Someone using the back office over plain HTTP, as a browser would: a cookie jar holding the page
 * session, the CSRF token read from the page a form is on, redirects not followed (so a test sees
 * them). Also makes the accounts: real rows with real roles, signed in through the real sign-in page.
 */
final class BackofficeVisitor {

    static final String PASSWORD = "unused password here"; // what AccessTokens.newCustomer() sets
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final long accountId;
    final String username;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private BackofficeVisitor(String baseUrl, long accountId, String username) {
        this.baseUrl = baseUrl;
        this.accountId = accountId;
        this.username = username;
    }

    /** A new account with these roles besides CUSTOMER (none: a shopper), not signed in. */
    static BackofficeVisitor newAccount(int port, AccessTokens tokens, JdbcClient jdbc, Role... roles) {
        long id = tokens.newCustomer();
        for (Role role : roles) {
            jdbc.sql("insert into customer_account_role (account_id, role) values (?, ?)").params(id, role.name())
                    .update();
        }
        String username = jdbc.sql("select username from customer_account where id = ?").param(id)
                .query(String.class).single();
        return new BackofficeVisitor("http://localhost:" + port, id, username);
    }

    /** A guest: no account, no session. */
    static BackofficeVisitor guest(int port) {
        return new BackofficeVisitor("http://localhost:" + port, 0, null);
    }

    /** Signs in through the storefront's sign-in page; returns the visitor, now with a page session. */
    BackofficeVisitor signedIn() {
        HttpResponse<String> answer = post("/signin", "/signin", Map.of("username", username, "password", PASSWORD));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return this;
    }

    /** Signs in with a browser, landing on {@code page}. */
    Browser signInWith(Browser browser, String page) {
        browser.open("/signin?next=" + page).type("#username", username).type("#password", PASSWORD)
                .click("main form button[type=submit]");
        browser.waitForPath(page);
        return browser;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
    }

    /** Posts a form from the page it is on, with that page's CSRF token, as the browser would. */
    HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
        HttpResponse<String> page = get(formPage);
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token on " + formPage + " (" + page.statusCode() + ")").isTrue();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", token.group(1));
        return postWithoutToken(action, form);
    }

    /** Posts a form as a forged cross-site request would: no CSRF token. */
    HttpResponse<String> postWithoutToken(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> encoded(field.getKey()) + "=" + encoded(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
