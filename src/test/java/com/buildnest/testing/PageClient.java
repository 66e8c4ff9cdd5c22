package com.buildnest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.buildnest.customer.AccessTokens;

/**
 * The pages over plain HTTP, as a browser uses them without running it: a cookie jar holding the
 * page session, the storefront's sign-in form, and forms posted with the CSRF token of the page
 * they are on (or, to test the refusal, without it). Redirects are not followed, so a test sees
 * each one. {@link ApiClient} is the same for the JSON API, {@link Browser} for a real browser.
 */
public final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String BOUNDARY = "page-client-boundary";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    private PageClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A visitor who has not signed in: no session yet. */
    public static PageClient guest(int port) {
        return new PageClient(port);
    }

    /** Signs in through the storefront's sign-in form, as shoppers and staff do; fails unless it redirects. */
    public static PageClient signedIn(int port, String username, String password) {
        PageClient client = guest(port);
        HttpResponse<String> signedIn = client.post("/signin", "/signin",
                Map.of("username", username, "password", password));
        assertThat(signedIn.statusCode()).as("signing in as " + username + ": " + signedIn.body()).isEqualTo(302);
        client.csrf = null; // signing in starts a new session with a new token: open a page before posting
        return client;
    }

    /** Signs in as an account {@link AccessTokens#newAccount} made. */
    public static PageClient signedIn(int port, AccessTokens.NewAccount account) {
        return signedIn(port, account.username(), AccessTokens.PASSWORD);
    }

    /** Opens a page, keeping the CSRF token of its forms for the next post. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form of the last page that had one, with its CSRF token, as that page's form would. */
    public HttpResponse<String> post(String action, Map<String, String> fields) {
        assertThat(csrf).as("a page with a form (its CSRF token) opened before posting to " + action).isNotNull();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return postWithoutToken(action, withToken);
    }

    /** Opens {@code formPage} and posts its form to {@code action}, with the page's CSRF token. */
    public HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
        csrf = null;
        HttpResponse<String> page = get(formPage);
        assertThat(csrf).as("a CSRF token on " + formPage + " (" + page.statusCode() + ")").isNotNull();
        return post(action, fields);
    }

    /** Posts a form as a forged cross-site request would: no CSRF token. */
    public HttpResponse<String> postWithoutToken(String action, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(field -> encoded(field.getKey()) + "=" + encoded(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Uploads a file as the last page's file form would: the file in {@code field}, with the page's CSRF token. */
    public HttpResponse<String> upload(String action, String field, String fileName, byte[] content) {
        assertThat(csrf).as("a page with a form (its CSRF token) opened before uploading to " + action).isNotNull();
        String type = Objects.requireNonNullElse(URLConnection.guessContentTypeFromName(fileName),
                "application/octet-stream");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
