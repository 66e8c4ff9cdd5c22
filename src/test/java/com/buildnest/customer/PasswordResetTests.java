package com.buildnest.customer;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import tools.jackson.databind.JsonNode;

/** A forgotten password, reset through a link mailed over real SMTP, and a signed-in password change. */
@BuildNestTest
class PasswordResetTests {

    static final String NEW_PASSWORD = "Fresh river sand delivered Tuesday";
    private static final Pattern LINK = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    ApiClient api;

    @Autowired
    GreenMail smtp;

    @Autowired
    AccessTokens tokens;

    @Test
    void resetLinkArrivesByMailWorksOnceAndEndsEverySession() throws Exception {
        String name = register();
        String refreshToken = login(name, SignInAndSessionsTests.PASSWORD).json().get("refreshToken").asString();

        assertThat(forgot(name + "@example.in").status()).isEqualTo(202);
        String token = tokenFromMailTo(name + "@example.in");

        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(login(name, NEW_PASSWORD).status()).isEqualTo(200);
        assertProblem(login(name, SignInAndSessionsTests.PASSWORD), 401, "auth.invalid-credentials");
        assertProblem(api.postJson("/api/auth/refresh", "{\"refreshToken\": \"%s\"}".formatted(refreshToken)), 401,
                "auth.invalid-refresh-token");
        assertProblem(reset(token, "Another long unusual passphrase 42"), 422, "customer.reset-link-invalid");
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        int before = smtp.getReceivedMessages().length;
        assertThat(forgot("nobody-" + SignInAndSessionsTests.uniqueName() + "@example.in").status()).isEqualTo(202);
        Thread.sleep(500);
        assertThat(smtp.getReceivedMessages()).hasSize(before);
    }

    @Test
    void weakNewPasswordKeepsTheLinkUsable() throws Exception {
        String name = register();
        forgot(name + "@example.in");
        String token = tokenFromMailTo(name + "@example.in");

        JsonNode problem = assertProblem(reset(token, "password1234"), 422, "customer.password-too-weak");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void aNewerLinkCancelsTheOlderOne() throws Exception {
        String name = register();
        forgot(name + "@example.in");
        String first = tokenFromMailTo(name + "@example.in");
        forgot(name + "@example.in");
        String second = tokenFromMailTo(name + "@example.in");

        assertProblem(reset(first, NEW_PASSWORD), 422, "customer.reset-link-invalid");
        assertThat(reset(second, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void guessedTokenIsRefused() {
        assertProblem(reset("A".repeat(43), NEW_PASSWORD), 422, "customer.reset-link-invalid");
    }

    @Test
    void signedInPasswordChangeNeedsTheCurrentPasswordAndEndsEverySession() {
        String name = register();
        JsonNode session = login(name, SignInAndSessionsTests.PASSWORD).json();
        String access = session.get("accessToken").asString();

        assertProblem(api.postJson("/api/me/password", """
                {"currentPassword": "not it at all, sorry", "newPassword": "%s"}""".formatted(NEW_PASSWORD), access),
                422, "customer.wrong-password");
        assertThat(api.postJson("/api/me/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(SignInAndSessionsTests.PASSWORD,
                NEW_PASSWORD), access).status()).isEqualTo(204);
        assertProblem(api.postJson("/api/auth/refresh", "{\"refreshToken\": \"%s\"}"
                .formatted(session.get("refreshToken").asString())), 401, "auth.invalid-refresh-token");
        assertThat(login(name, NEW_PASSWORD).status()).isEqualTo(200);
        assertProblem(api.postJson("/api/me/password", "{}"), 401, "auth.unauthenticated");
    }

    @Test
    void outboxShowsSentMailToStaffWithoutTheLink() throws Exception {
        String name = register();
        forgot(name + "@example.in");
        tokenFromMailTo(name + "@example.in");
        String staff = tokens.validFor(tokens.newCustomer(), Role.STAFF);

        JsonNode sent = null;
        for (int i = 0; i < 40 && sent == null; i++) {
            for (JsonNode mail : api.get("/api/admin/outbox?size=50", staff).json().get("content")) {
                if (mail.get("recipient").asString().equals(name + "@example.in") && !mail.get("sentAt").isNull()) {
                    sent = mail;
                }
            }
            Thread.sleep(100);
        }
        assertThat(sent).as("the mail is marked sent").isNotNull();
        assertThat(sent.get("body").isNull()).as("a sent mail's body (and its link) is cleared").isTrue();
        assertProblem(api.get("/api/admin/outbox", tokens.validFor(tokens.newCustomer(), Role.CUSTOMER)), 403,
                "auth.forbidden");
    }

    private String tokenFromMailTo(String recipient) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mine = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)) {
                    mine.add(message);
                }
            }
            if (!mine.isEmpty()) {
                MimeMessage latest = mine.get(mine.size() - 1);
                if (mine.size() > seen(recipient)) {
                    seen.merge(recipient, 1, Integer::sum);
                    assertThat(latest.getSubject()).isEqualTo("Reset your BuildNest password");
                    Matcher link = LINK.matcher(GreenMailUtil.getBody(latest).replace("=\r\n", ""));
                    assertThat(link.find()).as("the mail holds a reset link").isTrue();
                    return link.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no new mail for " + recipient + " within 10 s");
    }

    private final Map<String, Integer> seen = new HashMap<>();

    private int seen(String recipient) {
        return seen.getOrDefault(recipient, 0);
    }

    private String register() {
        String name = SignInAndSessionsTests.uniqueName();
        Response response = api.postJson("/api/auth/register", """
                {"username": "%s", "email": "%s@example.in", "password": "%s"}""".formatted(name, name,
                SignInAndSessionsTests.PASSWORD));
        assertThat(response.status()).isEqualTo(201);
        return name;
    }

    private Response login(String username, String password) {
        return api.postJson("/api/auth/login", """
                {"username": "%s", "password": "%s"}""".formatted(username, password));
    }

    private Response forgot(String email) {
        return api.postJson("/api/auth/password/forgot", "{\"email\": \"%s\"}".formatted(email));
    }

    private Response reset(String token, String newPassword) {
        return api.postJson("/api/auth/password/reset", """
                {"token": "%s", "newPassword": "%s"}""".formatted(token, newPassword));
    }
}
