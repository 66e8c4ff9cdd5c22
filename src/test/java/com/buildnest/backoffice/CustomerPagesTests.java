package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.ConcurrentModel;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.AccessTokens.NewAccount;
import com.buildnest.customer.Role;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.PageClient;
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
        NewAccount staff = tokens.newAccount(Role.STAFF);
        NewAccount customer = tokens.newAccount();
        try (Browser browser = new Browser(port)) {
            browser.signIn(staff.username(), AccessTokens.PASSWORD, "/admin/customers");
            browser.type("#q", customer.username()).click("form.filters button[type=submit]");
            browser.waitForText("#accounts", customer.username());
            browser.screenshot("admin-customers");
            browser.click("#account-" + customer.id() + " a");
            browser.waitForPath("/admin/customers/" + customer.id());
            assertThat(browser.all("#roles-form")).isEmpty(); // STAFF are not offered the roles form

            browser.click("#disable");

            assertThat(browser.waitForText(".notice", "disabled")).contains(customer.username());
            assertThat(browser.text("#status")).isEqualTo("Disabled");
        }
        HttpResponse<String> signIn = PageClient.guest(port).post("/signin", "/signin",
                Map.of("username", customer.username(), "password", AccessTokens.PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(enabled(customer)).isFalse();

        HttpResponse<String> enabledAgain = PageClient.signedIn(port, staff)
                .post(page(customer), page(customer) + "/enable", Map.of());
        assertThat(enabledAgain.statusCode()).isEqualTo(302);
        assertThat(enabled(customer)).isTrue();
    }

    @Test
    void staffCannotChangeRolesButAnAdminCan() {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        PageClient admin = PageClient.signedIn(port, tokens.newAccount(Role.ADMIN));
        NewAccount customer = tokens.newAccount();

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
        NewAccount admin = tokens.newAccount(Role.ADMIN);

        HttpResponse<String> demoted = PageClient.signedIn(port, admin).post(page(admin), page(admin) + "/roles",
                Map.of("roles", "STAFF"));

        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(demoted.body()).contains("You cannot remove your own administrator role.");
        assertThat(roles(admin)).containsExactly("ADMIN", "CUSTOMER");

        NewAccount staff = tokens.newAccount(Role.STAFF);
        HttpResponse<String> disabled = PageClient.signedIn(port, staff).post(page(staff), page(staff) + "/disable",
                Map.of());
        assertThat(disabled.statusCode()).isEqualTo(409);
        assertThat(disabled.body()).contains("You cannot disable your own account.");
        assertThat(enabled(staff)).isTrue();
    }

    @Test
    void guestsShoppersAndFormsWithoutTheCsrfTokenAreRefused() {
        NewAccount customer = tokens.newAccount();
        HttpResponse<String> guest = PageClient.guest(port).get("/admin/customers");
        assertThat(guest.statusCode()).isEqualTo(302);
        assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/signin?next=/admin/customers");

        PageClient shopper = PageClient.signedIn(port, tokens.newAccount());
        assertThat(shopper.get("/admin/customers").statusCode()).isEqualTo(403);
        assertThat(shopper.postWithoutToken(page(customer) + "/disable", Map.of()).statusCode()).isEqualTo(403);

        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        assertThat(staff.postWithoutToken(page(customer) + "/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(enabled(customer)).isTrue();
    }

    @Test
    void aSearchOverTwoPagesLinksEachPageToTheOtherKeepingTheSearch() {
        String marker = "Pager" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        for (int i = 0; i < PageRefusals.PAGE_SIZE + 1; i++) {
            jdbc.sql("update customer_account set full_name = ? where id = ?")
                    .params(marker + " Builder", tokens.newAccount().id()).update();
        }
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));

        String first = staff.get("/admin/customers?q=" + marker).body();
        assertThat(first).contains("Page 1 of 2").doesNotContain("rel=\"prev\"")
                .contains("rel=\"next\" href=\"/admin/customers?q=" + marker + "&amp;page=1\"");

        String second = staff.get("/admin/customers?q=" + marker + "&page=1").body();
        assertThat(second).contains("Page 2 of 2").doesNotContain("rel=\"next\"")
                .contains("rel=\"prev\" href=\"/admin/customers?q=" + marker + "&amp;page=0\"");
    }

    @Test
    void theAccountListCostsAtMostThreeStatementsHoweverManyAccountsItShows() {
        for (int i = 0; i < 4; i++) {
            tokens.newAccount(Role.STAFF);
        }
        ConcurrentModel model = new ConcurrentModel();
        List<String> statements = StatementCounter.statementsOf(() -> pages.customers(null, 0, model));
        // the page, its count, and the roles of the whole page in one statement (not one per account)
        assertThat(statements).hasSizeLessThanOrEqualTo(3); // the count is skipped when the first page is not full
        assertThat(((org.springframework.data.domain.Page<?>) model.getAttribute("accounts")).getNumberOfElements())
                .isGreaterThanOrEqualTo(5);
    }

    private boolean enabled(NewAccount account) {
        return jdbc.sql("select enabled from customer_account where id = ?").param(account.id())
                .query(Boolean.class).single();
    }

    private List<String> roles(NewAccount account) {
        return jdbc.sql("select role from customer_account_role where account_id = ? order by role")
                .param(account.id()).query(String.class).list();
    }

    private static String page(NewAccount account) {
        return "/admin/customers/" + account.id();
    }
}
