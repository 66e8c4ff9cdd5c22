package com.buildnest.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.OrderContents;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderStatusChanged;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;

/**
 * What one move of an order costs the database, counted at the JDBC connection: every statement
 * prepared and every change of autocommit, commit and rollback, each a round trip to MariaDB.
 * {@code StatementCounter} cannot see these (it counts Hibernate's statements and the facts are
 * written with JDBC), so these tests build the facts over a counting data source, with a transaction
 * manager of that data source. Ordering's two statements reading a paid order's lines run on its own
 * connection here and are not counted.
 */
@BuildNestTest
class SalesFactsRoundTripsTests {

    static final String UPSERT = "insert into analytics_order_fact";
    static final Money TOTAL = Money.ofRupees("1416.00");

    @Autowired
    DataSource dataSource;

    @Autowired
    OrderContents contents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    final List<String> roundTrips = new CopyOnWriteArrayList<>();
    SalesFacts facts;
    LocalDate day;

    @BeforeEach
    void factsOverACountingDataSource() {
        DataSource counting = counting(dataSource);
        facts = new SalesFacts(JdbcClient.create(counting), contents, new DataSourceTransactionManager(counting));
        day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
    }

    @Test
    void aMoveThatNeitherPaysNorRefundsIsOneStatementWithoutATransaction() {
        String orderNumber = number();

        assertThat(roundTripsOf(event(orderNumber, null, OrderStatus.PENDING_PAYMENT, Money.ZERO, "10:00")))
                .singleElement().asString().startsWith(UPSERT);
        assertThat(roundTripsOf(event(orderNumber, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, Money.ZERO,
                "10:30"))).singleElement().asString().startsWith(UPSERT);
        // delivered again, late: still one statement, and it changes nothing
        assertThat(roundTripsOf(event(orderNumber, null, OrderStatus.PENDING_PAYMENT, Money.ZERO, "10:00")))
                .singleElement().asString().startsWith(UPSERT);

        assertThat(fact(orderNumber)).isEqualTo("CANCELLED " + at("10:30") + " placed " + day + " paid null"
                + " cancelled " + at("10:30") + " refunded 0");
    }

    @Test
    void theFirstPaymentIsOneTransactionOfTheFactAndAllItsLines() {
        PurchaseFixtures purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        PurchaseFixtures.Buyer buyer = purchase.buyer("KA", "560102");
        long cement = purchase.product(100);
        long sand = purchase.product(100);
        purchase.addToCart(buyer, cement, 2);
        String orderNumber = purchase.placedOrder(buyer, sand, 1);
        OrderStatusChanged paid = event(orderNumber, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, Money.ZERO,
                "12:00");

        List<String> first = roundTripsOf(paid);
        List<String> again = roundTripsOf(paid);

        assertThat(first).hasSize(5);
        assertThat(first.get(0)).isEqualTo("set autocommit=0");
        assertThat(first.get(1)).startsWith(UPSERT);
        assertThat(first.get(2)).startsWith("insert into analytics_product_sale")
                .contains("(?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?) on duplicate key");
        assertThat(first.subList(3, 5)).containsExactly("commit", "set autocommit=1");
        assertThat(again).as("delivered again: the lines are read again and kept as they were")
                .isEqualTo(first);
        // the order was placed today (its own event is not the one counted): paid years before, as far as
        // the facts know, so the paid day is the one of this event and the status stays the later one
        assertThat(fact(orderNumber)).endsWith("paid " + day + " cancelled null refunded 0");
        assertThat(jdbc.sql("""
                select product_id, quantity, revenue_paise, sale_day from analytics_product_sale
                where order_number = ? order by line_number""").param(orderNumber)
                .query((row, n) -> row.getLong(1) + " " + row.getLong(2) + " " + row.getLong(3) + " "
                        + row.getObject(4, LocalDate.class)).list())
                .containsExactlyInAnyOrder(cement + " 2 94400 " + day, sand + " 1 47200 " + day);
    }

    @Test
    void aRefundThatGrowsIsOneTransactionAndALateSmallerOneChangesNothing() {
        String orderNumber = number();
        facts.record(event(orderNumber, null, OrderStatus.PENDING_PAYMENT, Money.ZERO, "09:00"));
        facts.record(event(orderNumber, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, Money.ZERO, "09:01"));
        OrderStatusChanged part = event(orderNumber, OrderStatus.DELIVERED, OrderStatus.PARTIALLY_REFUNDED,
                Money.ofRupees("400.00"), "11:00");
        OrderStatusChanged all = event(orderNumber, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED, TOTAL,
                "12:00");

        List<String> growth = roundTripsOf(part);
        facts.record(all);
        facts.record(part);

        assertThat(growth).hasSize(6);
        assertThat(growth.get(0)).isEqualTo("set autocommit=0");
        assertThat(growth.get(1)).startsWith(UPSERT);
        assertThat(growth.get(2)).startsWith("insert into analytics_refund");
        assertThat(growth.get(3)).startsWith("update analytics_order_fact set refunded_paise");
        assertThat(growth.subList(4, 6)).containsExactly("commit", "set autocommit=1");
        assertThat(fact(orderNumber)).isEqualTo("REFUNDED " + at("12:00") + " placed " + day + " paid " + day
                + " cancelled null refunded 141600");
        assertThat(jdbc.sql("select refunded_total_paise, amount_paise from analytics_refund where order_number = ?"
                + " order by refunded_total_paise").param(orderNumber)
                .query((row, n) -> row.getLong(1) + " " + row.getLong(2)).list())
                .containsExactly("40000 40000", "141600 101600");
    }

    @Test
    void aPaymentSeenBeforeThePlacingKeepsBothAndTheLaterStatus() {
        String orderNumber = number();

        facts.record(event(orderNumber, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, Money.ZERO, "08:05"));
        facts.record(event(orderNumber, null, OrderStatus.PENDING_PAYMENT, Money.ZERO, "08:00"));

        assertThat(fact(orderNumber)).isEqualTo("PAID " + at("08:05") + " placed " + day + " paid " + day
                + " cancelled null refunded 0");
    }

    private List<String> roundTripsOf(OrderStatusChanged change) {
        roundTrips.clear();
        facts.record(change);
        return List.copyOf(roundTrips);
    }

    private OrderStatusChanged event(String orderNumber, OrderStatus from, OrderStatus to, Money refunded,
            String time) {
        return new OrderStatusChanged(orderNumber, 42, from, to, TOTAL, refunded, null, null, instant(time));
    }

    private Instant instant(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(IndianDay.ZONE).toInstant();
    }

    /** The moment as the fact stores it (UTC, without a zone). */
    private String at(String time) {
        return instant(time).atZone(ZoneOffset.UTC).toLocalDateTime().toString();
    }

    private String fact(String orderNumber) {
        return jdbc.sql("""
                select status, status_at, placed_day, paid_day, cancelled_at, refunded_paise
                from analytics_order_fact where order_number = ?""").param(orderNumber)
                .query((row, n) -> row.getString(1) + " " + row.getObject(2, LocalDateTime.class)
                        + " placed " + row.getObject(3, LocalDate.class) + " paid " + row.getObject(4, LocalDate.class)
                        + " cancelled " + row.getObject(5, LocalDateTime.class) + " refunded "
                        + row.getLong(6))
                .single();
    }

    private static String number() {
        return "RT-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36).toUpperCase();
    }

    /**
     * The data source, with its connections recording each round trip: the SQL of every statement
     * prepared, and every commit, rollback and real change of autocommit (drivers send nothing when
     * autocommit is set to what it already is).
     */
    private DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return method.getName().equals("getConnection") ? counting((Connection) result) : result;
                });
    }

    private Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "prepareStatement", "prepareCall" -> roundTrips.add(((String) args[0]).strip());
                        case "createStatement" -> roundTrips.add("a statement without SQL yet");
                        case "commit", "rollback" -> roundTrips.add(method.getName());
                        case "setAutoCommit" -> {
                            if ((boolean) args[0] != target.getAutoCommit()) {
                                roundTrips.add("set autocommit=" + ((boolean) args[0] ? 1 : 0));
                            }
                        }
                        default -> {
                        }
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
