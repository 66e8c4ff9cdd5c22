package com.buildnest.ordering;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.inventory.StockLevel;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.payment.PaymentCaptured;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;
import com.buildnest.testing.StatementCounter.Counted;

import tools.jackson.databind.JsonNode;

/**
 * Checkout when it matters most: many buyers after the last units of a product (stock is never
 * sold twice and never goes negative), and what one checkout costs the database.
 */
@BuildNestTest
class CheckoutUnderLoadTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    Checkout checkout;

    @Autowired
    OrderPayments orderPayments;

    @Autowired
    PaidOrderViews paidViews;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    PurchaseFixtures purchase;
    String staff;

    @BeforeEach
    void shop() {
        purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        staff = purchase.staff();
    }

    @Test
    void fiftyBuyersRaceForTheLastTenBagsExactlyTenGetThemAndPayAndStockEndsAtZero() throws Exception {
        long cement = purchase.product(10);
        List<Buyer> buyers = IntStream.range(0, 50).mapToObj(i -> purchase.buyer("KA", "560102")).toList();
        buyers.forEach(buyer -> purchase.addToCart(buyer, cement, 1));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (Buyer buyer : buyers) {
            answers.add(pool.submit(() -> {
                start.await();
                return purchase.checkout(buyer, "race-" + buyer.accountId());
            }));
        }
        start.countDown();
        List<Buyer> winners = new ArrayList<>();
        List<JsonNode> placed = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            Response answer = answers.get(i).get();
            if (answer.status() == 201) {
                winners.add(buyers.get(i));
                placed.add(answer.json());
            } else {
                assertProblem(answer, 409, "inventory.insufficient-stock");
            }
        }
        pool.shutdown();

        assertThat(winners).hasSize(10);
        String sku = purchase.skuOf(cement);
        assertThat(inventory.level(sku).available()).isZero();
        for (int i = 0; i < winners.size(); i++) {
            Buyer winner = winners.get(i);
            JsonNode order = placed.get(i);
            Response paid = purchase.verify(winner,
                    purchase.pay(winner, order.get("payment").get("gatewayOrderId").asString(), true));
            assertThat(paid.json().get("status").asString()).as(paid.body()).isEqualTo("PAID");
        }
        StockLevel level = inventory.level(sku);
        assertThat(level.onHand()).isZero();
        assertThat(level.reserved()).isZero();
        assertThat(jdbc.sql("select count(*) from inventory_movement where sku = ? and kind = 'SALE'").param(sku)
                .query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void aCheckoutOfThreeLinesTakesAtMostTwentyThreeStatements() {
        Buyer buyer = purchase.buyer("KA", "560102");
        for (int line = 0; line < 3; line++) {
            purchase.addToCart(buyer, purchase.product(100), 10);
        }

        List<String> statements = StatementCounter.statementsOf(() -> checkout.place(buyer.accountId(),
                new Checkout.Request(buyer.addressId(), null, "upi"), "count-" + buyer.accountId()));

        // The budget was 25, the audit line of the order placed included (audit writes in the transaction
        // it records). 23 since the payment of a fresh order is not looked for before it is started and the
        // idempotency key's row is inserted with its order number instead of being updated afterwards.
        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(23);
    }

    @Test
    void payingAnOrderOfThreeLinesSellsItsStockInAtMostFifteenStatements() {
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, purchase.product(100), 1);
        Placed earlier = placed(buyer, "pay-count-earlier-");
        List<Long> products = IntStream.range(0, 3).mapToObj(line -> purchase.product(100)).toList();
        products.forEach(product -> purchase.addToCart(buyer, product, 10));
        Placed placed = placed(buyer, "pay-count-");
        // An order paid a moment earlier: the partner outbox read then which event types subscriptions
        // want, and remembers it for a few seconds (a cost of once per few seconds, not per order).
        orderPayments.on(earlier.capturedAs("pay_earlier" + buyer.accountId()));

        // What the payment module announces once it captured the payment, in its own transaction
        List<String> statements = StatementCounter.statementsOf(() -> {
            orderPayments.on(placed.capturedAs("pay_count" + buyer.accountId()));
            return null;
        });

        assertThat(purchase.order(buyer, placed.orderNumber()).get("status").asString()).isEqualTo("PAID");
        for (long product : products) {
            StockLevel level = inventory.level(purchase.skuOf(product));
            assertThat(level.onHand()).isEqualTo(90);
            assertThat(level.reserved()).isZero();
        }
        String all = String.join("\n", statements);
        // The lock of the order, its history read (paying adds to it); one read and one update of the
        // reservation; per line the stock and its ledger line; the order's new history line, the order;
        // audit, mail (its recipient read). Partner deliveries are one insert, only when some subscription
        // wants order.paid (none does here, but other tests may leave one). It took 16 when the partner
        // subscriptions were read on every event; 19 when each line's reservation moved on its own.
        // The invoice number goes through JDBC, which this count leaves out.
        assertThat(statements.stream().filter(sql -> !sql.startsWith("insert into partner_delivery")))
                .as(all).hasSizeLessThanOrEqualTo(15);
        assertThat(statements).as(all).noneMatch(sql -> sql.contains("partner_subscription"));
    }

    @Test
    void aPaymentTakesTheYearsInvoiceCounterOnlyAsItCommits() throws Exception {
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, purchase.product(100), 1);
        Placed earlier = placed(buyer, "counter-earlier-");
        purchase.addToCart(buyer, purchase.product(100), 1);
        Placed placed = placed(buyer, "counter-");
        orderPayments.on(earlier.capturedAs("pay_cearlier" + buyer.accountId())); // the year's counter row exists
        String year = FinancialYear.containing(LocalDate.now(IndianDay.ZONE)).label();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            transaction.executeWithoutResult(status -> {
                orderPayments.on(placed.capturedAs("pay_counter" + buyer.accountId()));
                // Paid, with its mail and audit written, and the counter still free: another payment's
                // transaction locks it at once instead of waiting for this one to commit.
                Future<Long> locked = other.submit(() -> transaction.execute(mine -> jdbc.sql(
                        "select last_number from ordering_invoice_sequence where financial_year = ? for update")
                        .param(year).query(Long.class).single()));
                try {
                    assertThat(locked.get(10, TimeUnit.SECONDS)).isPositive();
                } catch (Exception e) {
                    throw new AssertionError("another payment waited for the invoice counter", e);
                }
            });
        } finally {
            other.shutdownNow();
        }

        JsonNode paid = purchase.order(buyer, placed.orderNumber());
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        long taken = jdbc.sql("select last_number from ordering_invoice_sequence where financial_year = ?").param(year)
                .query(Long.class).single();
        assertThat(paid.get("invoice").get("number").asString()).endsWith("/" + String.format("%06d", taken));
    }

    @Test
    void theBuyersVerifyCallIsHandedTheOrderItPaidExactlyAsAFreshReadShowsIt() {
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, purchase.product(100), 10);
        Placed placed = placed(buyer, "in-hand-");
        String orderNumber = placed.orderNumber();

        // The verify call waits on this thread while the payment's listener pays the order
        Counted<PaidOrderViews.Caught<Object>> counted = StatementCounter.counted(() -> paidViews.catching(() -> {
            orderPayments.on(placed.capturedAs("pay_inhand" + buyer.accountId()));
            return null;
        }));
        PaidOrderViews.Caught<Object> caught = counted.result();
        // the view's lines and the history paying adds to: one read for both, not a lazy read each
        assertThat(counted.statements()).as(String.join("\n", counted.statements()))
                .filteredOn(sql -> sql.startsWith("select")
                        && (sql.contains("ordering_order_line") || sql.contains("ordering_status_change")))
                .singleElement().satisfies(sql -> assertThat(sql).contains("ordering_order_line")
                        .contains("ordering_status_change"));

        OrderView inHand = caught.paidOrder(orderNumber, buyer.accountId()).orElseThrow();
        assertThat(inHand.status()).isEqualTo(OrderStatus.PAID);
        assertThat(inHand.invoice()).isNotNull();
        assertThat(inHand).isEqualTo(orders.ofCustomer(buyer.accountId(), orderNumber));
        assertThat(caught.paidOrder(orderNumber, buyer.accountId() + 1)).isEmpty(); // only for the order's buyer
        assertThat(paidViews.wanted()).isFalse(); // nothing is kept on the thread afterwards
    }

    @Test
    void aPaymentListenerWithNoVerifyCallWaitingBuildsNoView() {
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, purchase.product(100), 10);
        Placed placed = placed(buyer, "no-view-");

        List<String> alone = StatementCounter.statementsOf(() -> {
            orderPayments.on(placed.capturedAs("pay_noview" + buyer.accountId()));
            return null;
        });

        assertThat(purchase.order(buyer, placed.orderNumber()).get("status").asString()).isEqualTo("PAID");
        // the webhook's thread: the order's lines are never read for a view nobody waits for
        assertThat(alone).noneMatch(sql -> sql.contains("ordering_order_line"));
    }

    /** An order placed over the API, awaiting its payment. */
    private record Placed(String orderNumber, String gatewayOrderId, Money amount) {

        /** What the payment module announces once it captured this order's payment. */
        PaymentCaptured capturedAs(String paymentId) {
            return new PaymentCaptured(orderNumber, gatewayOrderId, paymentId, amount, Instant.now());
        }
    }

    private Placed placed(Buyer buyer, String keyPrefix) {
        Response placed = purchase.checkout(buyer, keyPrefix + buyer.accountId());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderNumber = placed.json().get("orderNumber").asString();
        long amount = jdbc.sql("select amount_paise from payment where order_number = ?").param(orderNumber)
                .query(Long.class).single();
        return new Placed(orderNumber, placed.json().get("payment").get("gatewayOrderId").asString(),
                Money.ofPaise(amount));
    }
}
