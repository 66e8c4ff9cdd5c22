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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import com.buildnest.testing.StatementCounter;

/**
 * The back office's sales dashboard ({@code GET /admin}) as staff use it: the figures of real
 * orders, the range form's refusals, who may see it, and what it costs in queries.
 */
@BuildNestTest
class DashboardPagesTests {

    /** The password {@link AccessTokens#newCustomer()} gives every account it makes. */
    static final String PASSWORD = "unused password here";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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
        PageSession staff = signedIn(staffAccount());

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
        String page = signedIn(staffAccount()).get("/admin?from=1990-01-01&to=1990-01-07").body();

        assertThat(page).contains("No orders in this range.").doesNotContain("<svg");
        assertThat(page).contains("value=\"1990-01-01\"").contains("value=\"1990-01-07\"");
    }

    @Test
    void aRefusedRangeIsTheFormAgainWithItsMessagesAndTheValuesAsTyped() {
        PageSession staff = signedIn(staffAccount());

        PageResponse backwards = staff.get("/admin?from=2026-11-10&to=2026-11-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"from-error\">must not be after to<")
                .contains("value=\"2026-11-10\"").contains("value=\"2026-11-01\"")
                .doesNotContain("<svg").doesNotContain("No orders in this range");

        PageResponse tooLong = staff.get("/admin?from=2024-01-01&to=2025-01-01");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"to-error\">a dashboard covers at most 366 days<");

        PageResponse notADate = staff.get("/admin?from=10-11-2026&to=2026-11-30");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.body()).contains("id=\"from-error\">is not a date (YYYY-MM-DD)<")
                .contains("value=\"10-11-2026\"");

        PageResponse onlyOne = staff.get("/admin?to=2026-11-30");
        assertThat(onlyOne.status()).isEqualTo(400);
        assertThat(onlyOne.body()).contains("id=\"from-error\">give both from and to");
    }

    @Test
    void onlyStaffSeeTheDashboard() {
        PageResponse guest = new PageSession().get("/admin");
        assertThat(guest.status()).isEqualTo(302);
        assertThat(guest.header("Location")).endsWith("/signin?next=/admin");

        PageSession customer = signedIn(tokens.newCustomer());
        assertThat(customer.get("/admin").status()).isEqualTo(403);

        PageSession staff = signedIn(staffAccount());
        assertThat(staff.get("/admin").status()).isEqualTo(200);
        assertThat(staff.post("/admin", Map.of()).status()).as("no CSRF token").isEqualTo(403);
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
        long staffId = staffAccount();
        try (Browser browser = new Browser(port)) {
            browser.open("/signin?next=/admin");
            browser.type("#username", usernameOf(staffId)).type("#password", PASSWORD)
                    .click("main form button[type=submit]");
            browser.waitForPath("/admin");

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

    /** A new account with the STAFF role, set by an administrator through the API. */
    private long staffAccount() {
        long accountId = tokens.newCustomer();
        String admin = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.ADMIN);
        ApiClient.Response set = api.send("PUT", "/api/admin/customers/" + accountId + "/roles",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + admin),
                HttpRequest.BodyPublishers.ofString("{\"roles\": [\"CUSTOMER\", \"STAFF\"]}"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return accountId;
    }

    private String usernameOf(long accountId) {
        return jdbc.sql("select username from customer_account where id = ?").param(accountId).query(String.class)
                .single();
    }

    private PageSession signedIn(long accountId) {
        PageSession session = new PageSession();
        String form = session.get("/signin").body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).as(form).isTrue();
        PageResponse signedIn = session.post("/signin",
                Map.of("username", usernameOf(accountId), "password", PASSWORD, "_csrf", token.group(1)));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        return session;
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

    record PageResponse(int status, String body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A browser-like session over plain HTTP: cookies kept, redirects not followed. */
    private final class PageSession {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        PageResponse get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        PageResponse post(String path, Map<String, String> fields) {
            String form = fields.entrySet().stream().map(field -> field.getKey() + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private PageResponse send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new PageResponse(response.statusCode(), response.body(), response);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
