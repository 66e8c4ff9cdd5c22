package com.buildnest.customer;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.FakeAuthorizationServer;
import com.buildnest.testing.FakeAuthorizationServer.Person;

import tools.jackson.databind.JsonNode;

/**
 * Sign-in with Google (OpenID Connect) and GitHub (OAuth 2) against a local fake of both
 * providers, through the real redirects: a first sign-in creates or links an account, a later
 * one finds it, and both end with the same token pair as a password sign-in; started from the
 * shop's sign-in page ("Continue with Google"), it ends in the page session instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiClient.class)
class SocialSignInTests {

    static FakeAuthorizationServer provider;
    static final String SIGNED_IN = "http://localhost/signed-in";

    @Autowired
    ApiClient api;

    @Autowired
    AccountRepository accounts;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry properties) throws Exception {
        provider = new FakeAuthorizationServer();
        String google = "spring.security.oauth2.client.provider.google.";
        properties.add("spring.security.oauth2.client.registration.google.client-id", () -> "test-google-client");
        properties.add("spring.security.oauth2.client.registration.google.client-secret", () -> "test-google-secret");
        properties.add(google + "authorization-uri", () -> provider.url("/authorize"));
        properties.add(google + "token-uri", () -> provider.url("/token"));
        properties.add(google + "user-info-uri", () -> provider.url("/userinfo"));
        properties.add(google + "jwk-set-uri", () -> provider.url("/jwks"));
        String github = "spring.security.oauth2.client.provider.github.";
        properties.add("spring.security.oauth2.client.registration.github.client-id", () -> "test-github-client");
        properties.add("spring.security.oauth2.client.registration.github.client-secret", () -> "test-github-secret");
        properties.add("spring.security.oauth2.client.registration.github.scope", () -> "read:user,user:email");
        properties.add(github + "authorization-uri", () -> provider.url("/authorize"));
        properties.add(github + "token-uri", () -> provider.url("/token"));
        properties.add(github + "user-info-uri", () -> provider.url("/user"));
        properties.add("buildnest.customer.social.github-emails-uri", () -> provider.url("/user/emails"));
        properties.add("buildnest.customer.social.redirect-uri", () -> SIGNED_IN);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void firstGoogleSignInCreatesACustomerAndTheNextFindsIt() throws Exception {
        String name = unique();
        provider.nextPerson(new Person("g-" + name, name + "@gmail.example", true, "Asha Rao", null));
        Map<String, String> first = signInWith("google");
        provider.nextPerson(new Person("g-" + name, name + "@gmail.example", true, "Asha Rao", null));
        Map<String, String> second = signInWith("google");

        assertThat(first).containsKeys("access_token", "refresh_token").containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", "900");
        JsonNode me = api.get("/api/me", first.get("access_token")).json();
        assertThat(me.get("email").asString()).isEqualTo(name + "@gmail.example");
        assertThat(me.get("fullName").asString()).isEqualTo("Asha Rao");
        assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("CUSTOMER");
        assertThat(api.get("/api/me", second.get("access_token")).json().get("id").asLong())
                .isEqualTo(me.get("id").asLong());
        assertThat(api.postJson("/api/auth/refresh", "{\"refreshToken\": \"%s\"}"
                .formatted(first.get("refresh_token"))).status()).isEqualTo(200);
    }

    @Test
    void gitHubSignInLinksTheAccountWithTheSameVerifiedEmail() throws Exception {
        String name = unique();
        api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@example.in", "password": "%s"}""".formatted(name, name,
                SignInAndSessionsTests.PASSWORD));
        long existing = accounts.findByUsername(name).orElseThrow().id();
        long before = accounts.count();

        provider.nextPerson(new Person("4242" + Math.abs(name.hashCode() % 10000), name + "@example.in", true,
                "Octo Cat", "octo-" + name));
        Map<String, String> tokens = signInWith("github");

        assertThat(api.get("/api/me", tokens.get("access_token")).json().get("id").asLong()).isEqualTo(existing);
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void unverifiedEmailIsNeverTrustedAndCreatesNothing() throws Exception {
        String name = unique();
        long before = accounts.count();
        provider.nextPerson(new Person("g-" + name, name + "@gmail.example", false, "Mallory", null));

        Map<String, String> outcome = signInWith("google");

        assertThat(outcome).containsEntry("error", "auth.social-email-unverified").doesNotContainKey("access_token");
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void pendingSignInLivesInASignedCookieNotASessionAndATamperedOneIsRefused() throws Exception {
        String name = unique();
        provider.nextPerson(new Person("g-" + name, name + "@gmail.example", true, "Asha Rao", null));
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> start = plain.send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/oauth2/authorization/google")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = start.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SignedCookieAuthorizationRequests.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(start.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        HttpResponse<String> consent = plain.send(HttpRequest.newBuilder(
                URI.create(start.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        String value = cookie.substring(0, cookie.indexOf(';'));
        String tampered = value.substring(0, value.length() - 2) + (value.endsWith("AA") ? "BB" : "AA");
        long before = accounts.count();

        HttpResponse<String> callback = plain.send(HttpRequest.newBuilder(
                URI.create(consent.headers().firstValue("Location").orElseThrow())).header("Cookie", tampered).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(callback.headers().firstValue("Location").orElseThrow())
                .isEqualTo(SIGNED_IN + "#error=auth.social-sign-in-failed");
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void providerThatIsNotConfiguredIsNotFound() {
        assertProblem(api.get("/oauth2/authorization/facebook"), 404, "request.not-found");
    }

    @Test
    void continueWithGoogleOnTheShopsPagesEndsSignedInToThePageSessionWithoutTokens() throws Exception {
        HttpClient browser = browser();
        String signInPage = browser.send(page("/signin?next=/orders"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(signInPage).contains("Continue with Google").contains("Continue with GitHub")
                .contains("href=\"/signin/social/google?next=/orders\"");
        assertThat(browser.send(page("/signup"), HttpResponse.BodyHandlers.ofString()).body())
                .contains("href=\"/signin/social/github\"");
        String name = unique();
        provider.nextPerson(new Person("g-" + name, name + "@gmail.example", true, "Asha Rao", null));

        String landing = followToTheShop(browser, "/signin/social/google?next=/orders");

        assertThat(landing).isEqualTo("/orders").doesNotContain("access_token");
        HttpResponse<String> orders = browser.send(page("/orders"), HttpResponse.BodyHandlers.ofString());
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).contains(name);   // the account menu names the signed-in customer
        assertThat(accounts.findByEmail(name + "@gmail.example")).isPresent();
    }

    @Test
    void aPageSignInTheCustomerModuleRefusesComesBackToTheSignInPageWithItsReasonAndSignsNothingIn()
            throws Exception {
        HttpClient browser = browser();
        String name = unique();
        provider.nextPerson(new Person("g-" + name, name + "@gmail.example", false, "Asha Rao", null));

        String landing = followToTheShop(browser, "/signin/social/google");

        assertThat(landing).isEqualTo("/signin?social=auth.social-email-unverified");
        assertThat(browser.send(page(landing), HttpResponse.BodyHandlers.ofString()).body())
                .contains("no verified e-mail address");
        HttpResponse<String> account = browser.send(page("/account"), HttpResponse.BodyHandlers.ofString());
        assertThat(account.statusCode()).isEqualTo(302);
        assertThat(account.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(accounts.findByEmail(name + "@gmail.example")).isEmpty();
    }

    @Test
    void aProviderThatIsNotConfiguredHasNoPageSignIn() throws Exception {
        HttpResponse<String> unknown = browser().send(page("/signin/social/facebook"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    private HttpRequest page(String path) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", "text/html").build();
    }

    /** Follows a page's social sign-in through the provider and back; answers the shop's page it ends on. */
    private String followToTheShop(HttpClient browser, String start) throws Exception {
        URI next = URI.create(api.baseUrl() + start);
        for (int hop = 0; hop < 6; hop++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("hop %d to %s: %s", hop, next, response.body()).isEqualTo(302);
            URI location = next.resolve(response.headers().firstValue("Location").orElseThrow());
            String path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
            if (location.toString().startsWith(api.baseUrl()) && !path.startsWith("/oauth2/")
                    && !path.startsWith("/login/oauth2/")) {
                return path + (location.getRawFragment() == null ? "" : "#" + location.getRawFragment());
            }
            next = location;
        }
        throw new AssertionError("the sign-in never came back to the shop");
    }

    /** Follows the redirects a browser would: BuildNest → provider → BuildNest → the shop's page. */
    private Map<String, String> signInWith(String registration) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        URI next = URI.create(api.baseUrl() + "/oauth2/authorization/" + registration);
        for (int hop = 0; hop < 5; hop++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("hop %d to %s: %s", hop, next, response.body()).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(SIGNED_IN)) {
                String fragment = URI.create(location).getRawFragment();
                return Arrays.stream(fragment.split("&")).map(pair -> pair.split("=", 2))
                        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
            }
            next = URI.create(next.resolve(location).toString());
        }
        throw new AssertionError("the sign-in never came back to the shop");
    }

    private static String unique() {
        return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
