package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.util.HtmlUtils;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.buildnest.analytics.Dashboard;
import com.buildnest.analytics.DashboardRange;
import com.buildnest.analytics.SalesDashboard;
import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.PageClient;
import com.buildnest.testing.StatementCounter;

/**
 * The back office's sales dashboard ({@code GET /admin}) as staff use it: the figures of real
 * orders, the range form's refusals, who may see it, and what it costs in queries.
 */
@BuildNestTest
class DashboardPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    SalesDashboard sales;

    @Autowired
    DashboardPages pages;

    LocalDate today;

    @BeforeEach
    void today() {
        today = IndianDay.today(clock);
    }

    @Test
    void staffSeeTheSaleOfAnOrderPaidTodayInTodaysFigures() {
        PurchaseFixtures purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("KA", "560102");
        Money before = sales.of(today, today).totals().revenue();
        long paidBefore = sales.of(today, today).totals().orders();

        String orderNumber = purchase.paidOrder(buyer, cement, 3);
        long total = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select total_paise from analytics_order_fact where order_number = ? and paid_day is not null")
                .param(orderNumber).query(Long.class).optional().orElse(null), paise -> paise != null);
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));

        String page = staff.get("/admin?from=" + today + "&to=" + today).body();

        String todaysRow = row(page, today);
        assertThat(todaysRow).contains(DashboardCharts.rupees(before.plus(Money.ofPaise(total))))
                .contains(">" + (paidBefore + 1) + "<");
        assertThat(page).contains("id=\"total-revenue\">" + DashboardCharts.rupees(before.plus(Money.ofPaise(total))));
        // The top products as the analytics module ranks them (other tests sell today too, so this
        // order's ₹1,416.00 need not be among them): each a bar titled with its exact figure and a row.
        List<Dashboard.TopProduct> top = sales.of(today, today).topProducts();
        assertThat(top).isNotEmpty();
        for (Dashboard.TopProduct product : top) {
            String name = HtmlUtils.htmlEscape(product.name());
            String revenue = DashboardCharts.rupees(product.revenue());
            assertThat(page).contains("<title>" + name + ": " + revenue + "</title>");
            assertThat(tableRows(page, "top-products")).anyMatch(row -> row.contains(name) && row.contains(revenue));
        }
        assertThat(tableRows(page, "top-categories")).anyMatch(row -> row.contains("Cement"));
        assertThat(page).contains("href=\"/admin/inventory\"").doesNotContain("No orders in this range");
    }

    @Test
    void aRangeWithoutOrdersSaysSoInsteadOfDrawingEmptyCharts() {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));

        String page = staff.get("/admin?from=1990-01-01&to=1990-01-07").body();

        assertThat(page).contains("No orders in this range.").doesNotContain("<svg");
        assertThat(page).contains("value=\"1990-01-01\"").contains("value=\"1990-01-07\"");
    }

    @Test
    void aRefusedRangeIsTheFormAgainWithItsMessagesAndTheValuesAsTyped() {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));

        HttpResponse<String> backwards = staff.get("/admin?from=2026-11-10&to=2026-11-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"from-error\">must not be after to<")
                .contains("value=\"2026-11-10\"").contains("value=\"2026-11-01\"")
                .doesNotContain("<svg").doesNotContain("No orders in this range");

        HttpResponse<String> tooLong = staff.get("/admin?from=2024-01-01&to=2025-01-01");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"to-error\">a dashboard covers at most 366 days<");

        HttpResponse<String> notADate = staff.get("/admin?from=10-11-2026&to=2026-11-30");
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("id=\"from-error\">is not a date (YYYY-MM-DD)<")
                .contains("value=\"10-11-2026\"");

        HttpResponse<String> onlyOne = staff.get("/admin?to=2026-11-30");
        assertThat(onlyOne.statusCode()).isEqualTo(400);
        assertThat(onlyOne.body()).contains("id=\"from-error\">give both from and to");
    }

    @Test
    void onlyStaffSeeTheDashboard() {
        HttpResponse<String> guest = PageClient.guest(port).get("/admin");
        assertThat(guest.statusCode()).isEqualTo(302);
        assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/signin?next=/admin");

        PageClient customer = PageClient.signedIn(port, tokens.newAccount());
        assertThat(customer.get("/admin").statusCode()).isEqualTo(403);

        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        assertThat(staff.get("/admin").statusCode()).isEqualTo(200);
        assertThat(staff.postWithoutToken("/admin", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
    }

    /**
     * The page's queries: the dashboard's grouped queries, the catalogue's categories of the products
     * sold, and a page of low stock; the same for one day as for a year, with any number of orders.
     */
    @Test
    void thePageCostsAFewQueriesWhateverTheRange() {
        List<String> oneDay = statementsOfPage(today, today);
        List<String> aYear = statementsOfPage(today.minusDays(365), today);

        // five grouped queries, the categories of the products sold (when any), low stock and its count
        assertThat(oneDay).hasSizeLessThanOrEqualTo(8);
        assertThat(aYear).as("366 days, not one query a day").hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void staffPickALastSevenDaysRangeAndSeeItDrawn() {
        String staff = tokens.newAccount(Role.STAFF).username();
        try (Browser browser = new Browser(port)) {
            browser.signIn(staff, AccessTokens.PASSWORD, "/admin");

            browser.press("Last 7 days");
            browser.waitForPath("/admin?from=" + today.minusDays(6));

            assertThat(browser.find("#from").getDomProperty("value")).isEqualTo(today.minusDays(6).toString());
            assertThat(browser.find("#to").getDomProperty("value")).isEqualTo(today.toString());
            if (browser.all("#no-orders").isEmpty()) {
                assertThat(browser.all("#days tbody tr")).hasSize(7);
                assertThat(browser.all("svg.chart[aria-label='Revenue per day, in rupees'] rect")).hasSize(7);
            }
            browser.screenshot("admin-dashboard");
        }
    }

    /** Statements run on this thread by the page's handler: Hibernate's and those of JdbcClient alike. */
    private List<String> statementsOfPage(LocalDate from, LocalDate to) {
        Logger jdbcLog = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
        Level level = jdbcLog.getLevel();
        ListAppender<ILoggingEvent> executed = new ListAppender<>();
        executed.start();
        jdbcLog.addAppender(executed);
        jdbcLog.setLevel(Level.DEBUG);
        String thread = Thread.currentThread().getName();
        try {
            DashboardRange range = new DashboardRange(from, to);
            List<String> hibernate = StatementCounter.statementsOf(() -> pages.dashboard(range,
                    new BeanPropertyBindingResult(range, "range"), null, null, new ExtendedModelMap(),
                    new MockHttpServletResponse()));
            List<String> all = new ArrayList<>(hibernate);
            executed.list.stream().filter(event -> event.getThreadName().equals(thread))
                    .filter(event -> event.getFormattedMessage().startsWith("Executing prepared SQL statement"))
                    .forEach(event -> all.add(event.getFormattedMessage()));
            return all;
        } finally {
            jdbcLog.setLevel(level);
            jdbcLog.detachAppender(executed);
        }
    }

    /** The days table's row of {@code day}. */
    private static String row(String page, LocalDate day) {
        Matcher row = Pattern.compile("data-day=\"" + day + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as(page).isTrue();
        return row.group(1);
    }

    private static List<String> tableRows(String page, String id) {
        Matcher table = Pattern.compile("id=\"" + id + "\">(.*?)</table>", Pattern.DOTALL).matcher(page);
        assertThat(table.find()).as(page).isTrue();
        return List.of(table.group(1).split("</tr>"));
    }
}
