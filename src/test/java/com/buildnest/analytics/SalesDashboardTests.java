package com.buildnest.analytics;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderStatusChanged;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.AtOnce;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * The sales dashboard from the moves of orders. Moves on known days are handed to the facts the
 * way the ordering module's events arrive (each test on days of its own, years back); a real
 * purchase shows the events really arrive after commit.
 */
@BuildNestTest
class SalesDashboardTests {

    static final long BUYER = 42;

    /** Years back, so nothing else sold on these days; each test takes ten days of its own. */
    static final LocalDate FIRST_DAY = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
    static final AtomicInteger DAYS_TAKEN = new AtomicInteger();

    @Autowired
    SalesFacts facts;

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

    String staff;
    LocalDate day;

    @BeforeEach
    void staffAndADayOfTheirOwn() {
        staff = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.STAFF);
        day = FIRST_DAY.plusDays(DAYS_TAKEN.getAndAdd(10));
    }

    @Test
    void twoPaidOrdersAndARefundAddUpExactlyOnTheirDaysInIndia() {
        String first = number();
        String second = number();
        String unpaid = number();
        Money firstTotal = Money.ofRupees("1000.00");
        Money secondTotal = Money.ofRupees("2500.51");
        record(first, null, OrderStatus.PENDING_PAYMENT, firstTotal, Money.ZERO, at(day, "10:00"));
        record(first, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, firstTotal, Money.ZERO, at(day, "10:05"));
        // placed at 23:50 and paid at 00:10 in India: paid the next day, though it is the same day in UTC
        record(second, null, OrderStatus.PENDING_PAYMENT, secondTotal, Money.ZERO, at(day, "23:50"));
        record(second, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, secondTotal, Money.ZERO,
                at(day.plusDays(1), "00:10"));
        record(second, OrderStatus.DELIVERED, OrderStatus.PARTIALLY_REFUNDED, secondTotal,
                Money.ofRupees("500.25"), at(day.plusDays(2), "12:00"));
        record(unpaid, null, OrderStatus.PENDING_PAYMENT, Money.ofRupees("99.00"), Money.ZERO, at(day, "11:00"));
        record(unpaid, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, Money.ofRupees("99.00"), Money.ZERO,
                at(day, "11:20"));

        JsonNode dashboard = dashboard(day.minusDays(1), day.plusDays(3));

        assertThat(dashboard.get("from").asString()).isEqualTo(day.minusDays(1).toString());
        assertThat(dashboard.get("to").asString()).isEqualTo(day.plusDays(3).toString());
        assertThat(dashboard.get("currency").asString()).isEqualTo("INR");
        JsonNode totals = dashboard.get("totals");
        assertThat(totals.get("orders").asLong()).isEqualTo(2);
        assertThat(amount(totals.get("revenue"))).isEqualTo("3500.51");
        assertThat(totals.get("revenue").get("currency").asString()).isEqualTo("INR");
        assertThat(amount(totals.get("refunds"))).isEqualTo("500.25");
        assertThat(amount(totals.get("averageOrderValue"))).as("₹3,500.51 / 2, half up").isEqualTo("1750.26");
        assertThat(days(dashboard)).containsExactly(
                day.minusDays(1) + " 0 0.00 0.00",
                day + " 1 1000.00 0.00",
                day.plusDays(1) + " 1 2500.51 0.00",
                day.plusDays(2) + " 0 0.00 500.25",
                day.plusDays(3) + " 0 0.00 0.00");
        assertThat(byStatus(dashboard)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("PENDING_PAYMENT", 0L), Map.entry("PAYMENT_FAILED", 0L), Map.entry("PAID", 1L),
                Map.entry("PACKED", 0L), Map.entry("SHIPPED", 0L), Map.entry("DELIVERED", 0L),
                Map.entry("RETURN_REQUESTED", 0L), Map.entry("RETURNED", 0L), Map.entry("CANCELLED", 1L),
                Map.entry("PARTIALLY_REFUNDED", 1L), Map.entry("REFUNDED", 0L)));
        assertThat(dashboard.get("topProducts")).as("these orders are not in ordering: no lines").isEmpty();
    }

    @Test
    void theSameEventDeliveredTwiceOrLateCountsOnce() {
        String orderNumber = number();
        Money total = Money.ofRupees("4000.00");
        OrderStatusChanged placed = event(orderNumber, null, OrderStatus.PENDING_PAYMENT, total, Money.ZERO,
                at(day, "09:00"));
        OrderStatusChanged paid = event(orderNumber, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, total,
                Money.ZERO, at(day, "09:01"));
        OrderStatusChanged firstRefund = event(orderNumber, OrderStatus.DELIVERED, OrderStatus.PARTIALLY_REFUNDED,
                total, Money.ofRupees("1000.00"), at(day.plusDays(1), "10:00"));
        OrderStatusChanged secondRefund = event(orderNumber, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED,
                total, total, at(day.plusDays(2), "10:00"));

        facts.record(placed);
        facts.record(paid);
        facts.record(paid);
        facts.record(firstRefund);
        facts.record(secondRefund);
        facts.record(firstRefund); // late: the refunded total never goes down
        facts.record(paid);
        facts.record(placed);

        JsonNode dashboard = dashboard(day, day.plusDays(2));
        assertThat(days(dashboard)).containsExactly(day + " 1 4000.00 0.00", day.plusDays(1) + " 0 0.00 1000.00",
                day.plusDays(2) + " 0 0.00 3000.00");
        assertThat(amount(dashboard.get("totals").get("refunds"))).isEqualTo("4000.00");
        assertThat(byStatus(dashboard)).containsEntry("REFUNDED", 1L).containsEntry("PAID", 0L)
                .containsEntry("PENDING_PAYMENT", 0L);
    }

    @Test
    void theSameFirstEventsArrivingAtOnceCountOnce() throws Exception {
        String orderNumber = number();
        Money total = Money.ofRupees("777.77");
        OrderStatusChanged placed = event(orderNumber, null, OrderStatus.PENDING_PAYMENT, total, Money.ZERO,
                at(day, "08:00"));
        OrderStatusChanged paid = event(orderNumber, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, total,
                Money.ZERO, at(day, "08:01"));
        AtOnce.run(List.of(placed, paid, paid, placed, paid, placed).stream().<Callable<Void>>map(event -> () -> {
            facts.record(event);
            return null;
        }).toList());

        JsonNode dashboard = dashboard(day, day);
        assertThat(days(dashboard)).containsExactly(day + " 1 777.77 0.00");
        assertThat(byStatus(dashboard)).containsEntry("PAID", 1L).containsEntry("PENDING_PAYMENT", 0L);
    }

    @Test
    void topProductsRankWhatPaidOrdersSoldByRevenue() {
        PurchaseFixtures purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        long sand = purchase.product(100);
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("KA", "560102");
        String few = purchase.placedOrder(buyer, sand, 3);
        String many = purchase.placedOrder(buyer, cement, 10);
        String again = purchase.placedOrder(buyer, sand, 2);
        // paid years ago, as far as the facts know: the lines are read from ordering when the payment is seen
        for (String orderNumber : List.of(few, many, again)) {
            record(orderNumber, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, Money.ofRupees("1.00"), Money.ZERO,
                    at(day, "12:00"));
        }

        JsonNode top = dashboard(day, day).get("topProducts");

        // ₹400 a bag plus 18 % GST: 10 bags ₹4,720.00; 3 + 2 bags ₹1,416.00 + ₹944.00
        assertThat(top.valueStream().map(product -> product.get("productId").asLong() + " "
                + product.get("sku").asString() + " " + product.get("quantity").asLong() + " "
                + amount(product.get("revenue")))).containsExactly(
                        cement + " " + purchase.skuOf(cement) + " 10 4720.00",
                        sand + " " + purchase.skuOf(sand) + " 5 2360.00");
        assertThat(top.get(0).get("name").asString()).isEqualTo("Checkout test cement " + purchase.skuOf(cement));
        // both are shelved under Cement: the category has the lines of both
        assertThat(dashboard(day, day).get("topCategories").valueStream().map(category -> category.get("name")
                .asString() + " " + amount(category.get("revenue")))).containsExactly("Cement 7080.00");
    }

    @Test
    void paymentFailuresCountOncePerOrderOnTheDayTheyFirstFailed() {
        String retried = number();
        String abandoned = number();
        Money total = Money.ofRupees("1500.00");
        record(retried, null, OrderStatus.PENDING_PAYMENT, total, Money.ZERO, at(day, "10:00"));
        record(retried, OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED, total, Money.ZERO, at(day, "10:02"));
        record(retried, OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED, total, Money.ZERO, at(day, "10:02"));
        // the buyer tries again the next day and pays: still one failure, on the first day
        record(retried, OrderStatus.PAYMENT_FAILED, OrderStatus.PAID, total, Money.ZERO, at(day.plusDays(1), "09:00"));
        record(abandoned, null, OrderStatus.PENDING_PAYMENT, total, Money.ZERO, at(day.plusDays(1), "23:55"));
        record(abandoned, OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED, total, Money.ZERO,
                at(day.plusDays(2), "00:05"));

        JsonNode dashboard = dashboard(day, day.plusDays(2));

        assertThat(dashboard.get("days").valueStream().map(d -> d.get("day").asString() + " "
                + d.get("paymentFailures").asLong() + " " + d.get("orders").asLong())).containsExactly(
                        day + " 1 0", day.plusDays(1) + " 0 1", day.plusDays(2) + " 1 0");
        assertThat(dashboard.get("totals").get("paymentFailures").asLong()).isEqualTo(2);
        assertThat(byStatus(dashboard)).containsEntry("PAID", 1L).containsEntry("PAYMENT_FAILED", 1L);
    }

    @Test
    void aRealPaymentReachesTheFactsAfterItCommits() {
        PurchaseFixtures purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("KA", "560102");

        String orderNumber = purchase.paidOrder(buyer, cement, 3);

        LocalDate today = IndianDay.today(clock);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from analytics_order_fact where order_number = ? and status = 'PAID' and paid_day = ?"
                        + " and placed_day = ?").param(orderNumber).param(today).param(today).query(Long.class)
                .single() == 1);
        assertThat(jdbc.sql("select quantity, revenue_paise from analytics_product_sale where order_number = ?")
                .param(orderNumber).query((row, n) -> row.getLong(1) + " " + row.getLong(2)).list())
                .containsExactly("3 141600");
    }

    @Test
    void withoutDatesTheDashboardCoversTheLastThirtyDaysUpToToday() {
        JsonNode dashboard = api.get("/api/admin/analytics/dashboard", staff).json();

        LocalDate today = IndianDay.today(clock);
        assertThat(dashboard.get("to").asString()).isEqualTo(today.toString());
        assertThat(dashboard.get("from").asString()).isEqualTo(today.minusDays(29).toString());
        assertThat(dashboard.get("days")).hasSize(30);
        assertThat(dashboard.get("days").get(29).get("day").asString()).isEqualTo(today.toString());
    }

    @Test
    void aYearIsTheLongestRange() {
        assertThat(dashboard(day, day.plusDays(365)).get("days")).hasSize(366);

        assertProblem(get("?from=" + day + "&to=" + day.plusDays(366)), 400, "request.invalid");
    }

    @Test
    void badRangesAreRefused() {
        assertProblem(get("?from=" + day.plusDays(1) + "&to=" + day), 400, "request.invalid");
        assertProblem(get("?from=" + day), 400, "request.invalid");
        assertProblem(get("?to=" + day), 400, "request.invalid");
        Response notADate = get("?from=2026-13-01&to=2026-12-31");
        assertProblem(notADate, 400, "request.invalid");
        assertThat(notADate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(notADate.json().get("errors").get(0).get("message").asString())
                .isEqualTo("is not a valid value of its type");
        assertThat(get("?from=" + day.plusDays(1) + "&to=" + day).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("from");
        assertThat(get("?from=" + day + "&to=" + day.plusDays(400)).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("to");
    }

    private void record(String orderNumber, OrderStatus from, OrderStatus to, Money total, Money refunded,
            Instant at) {
        facts.record(event(orderNumber, from, to, total, refunded, at));
    }

    private static OrderStatusChanged event(String orderNumber, OrderStatus from, OrderStatus to, Money total,
            Money refunded, Instant at) {
        return new OrderStatusChanged(orderNumber, BUYER, from, to, total, refunded, null, null, at);
    }

    /** A moment of a day in India. */
    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(IndianDay.ZONE).toInstant();
    }

    private static String number() {
        return "AN-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36).toUpperCase();
    }

    private JsonNode dashboard(LocalDate from, LocalDate to) {
        Response response = get("?from=" + from + "&to=" + to);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Response get(String query) {
        return api.get("/api/admin/analytics/dashboard" + query, staff);
    }

    private static List<String> days(JsonNode dashboard) {
        return dashboard.get("days").valueStream().map(day -> day.get("day").asString() + " "
                + day.get("orders").asLong() + " " + amount(day.get("revenue")) + " " + amount(day.get("refunds")))
                .toList();
    }

    private static Map<String, Long> byStatus(JsonNode dashboard) {
        JsonNode counts = dashboard.get("byStatus");
        return counts.propertyNames().stream().collect(Collectors.toMap(name -> name,
                name -> counts.get(name).asLong()));
    }

    private static String amount(JsonNode money) {
        return money.get("amount").asString();
    }
}
