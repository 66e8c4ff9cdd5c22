package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.ConcurrentModel;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;

/**
 * The back office's customer pages: search, disable and enable (STAFF and ADMIN), roles (ADMIN
 * only, refused to STAFF by the server and not offered to them), the customer module's refusals shown.
 */
@BuildNestTest
class CustomerPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerPages pages;

    @Test
    void staffDisableACustomerWhoThenCannotSignIn() {
        BackofficeVisitor staff = BackofficeVisitor.newAccount(port, tokens, jdbc, Role.STAFF);
        BackofficeVisitor customer = BackofficeVisitor.newAccount(port, tokens, jdbc);
        try (Browser browser = new Browser(port)) {
            staff.signInWith(browser, "/admin/customers");
            browser.type("#q", customer.username).click("form.filters button[type=submit]");
            browser.waitForText("#accounts", customer.username);
            browser.screenshot("admin-customers");
            browser.click("#account-" + customer.accountId + " a");
            browser.waitForPath("/admin/customers/" + customer.accountId);
            assertThat(browser.all("#roles-form")).isEmpty(); // STAFF are not offered the roles form

            browser.click("#disable");

            assertThat(browser.waitForText(".notice", "disabled")).contains(customer.username);
            assertThat(browser.text("#status")).isEqualTo("Disabled");
        }
        HttpResponse<String> signIn = customer.post("/signin", "/signin",
                Map.of("username", customer.username, "password", BackofficeVisitor.PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(enabled(customer)).isFalse();

        HttpResponse<String> enabledAgain = staff.signedIn().post(page(customer), page(customer) + "/enable", Map.of());
        assertThat(enabledAgain.statusCode()).isEqualTo(302);
        assertThat(enabled(customer)).isTrue();
    }

    @Test
    void staffCannotChangeRolesButAnAdminCan() {
        BackofficeVisitor staff = BackofficeVisitor.newAccount(port, tokens, jdbc, Role.STAFF).signedIn();
        BackofficeVisitor admin = BackofficeVisitor.newAccount(port, tokens, jdbc, Role.ADMIN).signedIn();
        BackofficeVisitor customer = BackofficeVisitor.newAccount(port, tokens, jdbc);

        HttpResponse<String> refused = staff.post(page(customer), page(customer) + "/roles", Map.of("roles", "STAFF"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(roles(customer)).containsExactly("CUSTOMER");
        assertThat(staff.get(page(customer)).body()).doesNotContain("roles-form");

        HttpResponse<String> changed = admin.post(page(customer), page(customer) + "/roles", Map.of("roles", "STAFF"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(roles(customer)).containsExactly("CUSTOMER", "STAFF");
        assertThat(admin.get(page(customer)).body()).contains("id=\"role-STAFF\"");
    }

    @Test
    void anAdminCannotRemoveTheirOwnAdminRoleNorStaffDisableThemselves() {
        BackofficeVisitor admin = BackofficeVisitor.newAccount(port, tokens, jdbc, Role.ADMIN).signedIn();

        HttpResponse<String> demoted = admin.post(page(admin), page(admin) + "/roles", Map.of("roles", "STAFF"));

        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(demoted.body()).contains("You cannot remove your own administrator role.");
        assertThat(roles(admin)).containsExactly("ADMIN", "CUSTOMER");

        BackofficeVisitor staff = BackofficeVisitor.newAccount(port, tokens, jdbc, Role.STAFF).signedIn();
        HttpResponse<String> disabled = staff.post(page(staff), page(staff) + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(409);
        assertThat(disabled.body()).contains("You cannot disable your own account.");
        assertThat(enabled(staff)).isTrue();
    }

    @Test
    void guestsShoppersAndFormsWithoutTheCsrfTokenAreRefused() {
        BackofficeVisitor customer = BackofficeVisitor.newAccount(port, tokens, jdbc);
        HttpResponse<String> guest = BackofficeVisitor.guest(port).get("/admin/customers");
        assertThat(guest.statusCode()).isEqualTo(302);
        assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/signin?next=/admin/customers");

        BackofficeVisitor shopper = BackofficeVisitor.newAccount(port, tokens, jdbc).signedIn();
        assertThat(shopper.get("/admin/customers").statusCode()).isEqualTo(403);
        assertThat(shopper.postWithoutToken(page(customer) + "/disable", Map.of()).statusCode()).isEqualTo(403);

        BackofficeVisitor staff = BackofficeVisitor.newAccount(port, tokens, jdbc, Role.STAFF).signedIn();
        assertThat(staff.postWithoutToken(page(customer) + "/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(enabled(customer)).isTrue();
    }

    @Test
    void theAccountListCostsAtMostThreeStatementsHoweverManyAccountsItShows() {
        for (int i = 0; i < 4; i++) {
            BackofficeVisitor.newAccount(port, tokens, jdbc, Role.STAFF);
        }
        ConcurrentModel model = new ConcurrentModel();
        List<String> statements = StatementCounter.statementsOf(() -> pages.customers(null, 0, model));
        // the page, its count, and the roles of the whole page in one statement (not one per account)
        assertThat(statements).hasSizeLessThanOrEqualTo(3); // the count is skipped when the first page is not full
        assertThat(((org.springframework.data.domain.Page<?>) model.getAttribute("accounts")).getNumberOfElements())
                .isGreaterThanOrEqualTo(5);
    }

    private boolean enabled(BackofficeVisitor account) {
        return jdbc.sql("select enabled from customer_account where id = ?").param(account.accountId)
                .query(Boolean.class).single();
    }

    private List<String> roles(BackofficeVisitor account) {
        return jdbc.sql("select role from customer_account_role where account_id = ? order by role")
                .param(account.accountId).query(String.class).list();
    }

    private static String page(BackofficeVisitor account) {
        return "/admin/customers/" + account.accountId;
    }
}
