package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.ConcurrentModel;
import org.springframework.validation.BeanPropertyBindingResult;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.AccessTokens.NewAccount;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.notification.SmtpNotConfigured;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.PageClient;
import com.buildnest.testing.StatementCounter;

/**
 * The audit log (ADMIN only, as the API's) with its filters, and the mail outbox (STAFF and ADMIN):
 * an adjustment made on the inventory page shows in the log, a password-reset mail in the outbox.
 */
@BuildNestTest
class AuditAndOutboxPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiClient api;

    @Autowired
    Inventory inventory;

    @Autowired
    AuditPages auditPages;

    @Autowired
    OutboxPages outboxPages;

    @Autowired
    ApplicationContext context;

    @Test
    void anAdminSeesAStockAdjustmentInTheAuditLogAndAPasswordResetMailInTheOutbox() {
        NewAccount admin = tokens.newAccount(Role.ADMIN);
        PageClient adminPages = PageClient.signedIn(port, admin);
        String sku = "ADM-AUD-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        inventory.track(sku, null);
        assertThat(adminPages.post("/admin/inventory/" + sku, "/admin/inventory/" + sku + "/receipts",
                Map.of("quantity", "8")).statusCode()).isEqualTo(302);
        assertThat(adminPages.post("/admin/inventory/" + sku, "/admin/inventory/" + sku + "/adjustments",
                Map.of("delta", "-3", "reason", "Damp bags thrown away")).statusCode()).isEqualTo(302);
        String email = tokens.newAccount().username() + "@example.test";
        assertThat(api.postJson("/api/auth/password/forgot", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);

        try (Browser browser = new Browser(port)) {
            browser.signIn(admin.username(), AccessTokens.PASSWORD, "/admin/audit");
            browser.type("#entity", "sku=" + sku).click("form.filters button[type=submit]");
            String log = browser.waitForText("#entries", "inventory.stock-adjusted");
            browser.screenshot("admin-audit");
            assertThat(log).contains("sku=" + sku + " delta=-3 reason=Damp bags thrown away", admin.username(),
                    "inventory.goods-received");

            browser.open("/admin/outbox");
            assertThat(browser.text("#mails")).contains(email, "Reset your BuildNest password");
            assertThat(browser.text("#outbox-mode")).contains("delivered over SMTP"); // the tests' GreenMail
            browser.screenshot("admin-outbox");
            long mail = jdbc.sql("select max(id) from notification_mail where recipient = ?").param(email)
                    .query(Long.class).single();
            browser.open("/admin/outbox/" + mail);
            assertThat(browser.text("h1")).isEqualTo("Reset your BuildNest password");
            assertThat(browser.text("#recipient")).isEqualTo(email);
        }
    }

    @Test
    void withoutSmtpTheOutboxSaysSoAndKeepsEachMailsTextForStaffToRead() {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        String email = tokens.newAccount().username() + "@example.test";
        HttpResponse<String> outbox;
        HttpResponse<String> mail;
        try (SmtpNotConfigured noSmtp = new SmtpNotConfigured(context)) {
            assertThat(api.postJson("/api/auth/password/forgot", "{\"email\":\"" + email + "\"}").status())
                    .isEqualTo(202);
            long id = jdbc.sql("select max(id) from notification_mail where recipient = ?").param(email)
                    .query(Long.class).single();
            outbox = staff.get("/admin/outbox");
            mail = staff.get("/admin/outbox/" + id);
        }

        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.body()).contains("No SMTP server is configured (the embedded default)", email)
                .doesNotContain("delivered over SMTP");
        assertThat(mail.statusCode()).isEqualTo(200);
        assertThat(mail.body()).contains("id=\"mail-status\">not sent<")
                .contains("Someone asked to reset the password of your BuildNest account.")
                .doesNotContain("mail-body-gone");
    }

    @Test
    void auditFiltersNarrowByActorActionAndDaysAndRefuseWhatIsNotADateOrANumber() {
        NewAccount admin = tokens.newAccount(Role.ADMIN);
        PageClient adminPages = PageClient.signedIn(port, admin);
        NewAccount customer = tokens.newAccount();
        assertThat(adminPages.post("/admin/customers/" + customer.id(), "/admin/customers/" + customer.id()
                + "/disable", Map.of()).statusCode()).isEqualTo(302);
        String today = LocalDate.now(ZoneId.of("Asia/Kolkata")).toString();
        String yesterday = LocalDate.now(ZoneId.of("Asia/Kolkata")).minusDays(1).toString();

        String mine = adminPages.get("/admin/audit?actor=" + admin.id() + "&action=account&from=" + today + "&to="
                + today).body();
        assertThat(mine).contains("account.disabled", customer.username() + " #" + customer.id());
        assertThat(adminPages.get("/admin/audit?actor=" + admin.id() + "&action=account&to=" + yesterday).body())
                .contains("No entry matches.");
        assertThat(adminPages.get("/admin/audit?actor=" + admin.id() + "&action=inventory").body())
                .contains("No entry matches.");

        HttpResponse<String> wrong = adminPages.get("/admin/audit?actor=abc&from=" + today + "&to=" + yesterday);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"actor-error\"", "Enter a whole number.")
                .containsPattern("id=\"actor\"[^>]*value=\"abc\"");
        HttpResponse<String> backwards = adminPages.get("/admin/audit?from=" + today + "&to=" + yesterday);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"to-error\"", "The range ends on or after its first day.");
    }

    @Test
    void theAuditLogIsForAdminsOnlyAndTheOutboxForStaffToo() {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        assertThat(staff.get("/admin/audit").statusCode()).isEqualTo(403);
        HttpResponse<String> outbox = staff.get("/admin/outbox");
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.body()).doesNotContain("href=\"/admin/audit\"");

        PageClient admin = PageClient.signedIn(port, tokens.newAccount(Role.ADMIN));
        assertThat(admin.get("/admin/outbox").body()).contains("href=\"/admin/audit\"");

        HttpResponse<String> guest = PageClient.guest(port).get("/admin/outbox");
        assertThat(guest.statusCode()).isEqualTo(302);
        assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/signin?next=/admin/outbox");
        assertThat(PageClient.signedIn(port, tokens.newAccount()).get("/admin/outbox").statusCode())
                .isEqualTo(403);
        assertThat(staff.get("/admin/outbox/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void theAuditLogAndTheOutboxCostAFixedNumberOfStatements() {
        var filters = new AuditPages.AuditForm(null, null, null, null, null, null);
        List<String> audit = StatementCounter.statementsOf(() -> auditPages.audit(filters,
                new BeanPropertyBindingResult(filters, "filters"), 0, new org.springframework.mock.web.MockHttpServletResponse(),
                new ConcurrentModel()));
        // the page, its count, the people it names
        assertThat(audit).hasSizeLessThanOrEqualTo(3);

        List<String> outbox = StatementCounter.statementsOf(() -> outboxPages.outbox(0, new ConcurrentModel()));
        assertThat(outbox).hasSizeLessThanOrEqualTo(2); // the page and its count
    }
}
