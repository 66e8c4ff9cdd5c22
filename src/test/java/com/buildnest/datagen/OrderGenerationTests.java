package com.buildnest.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderingProperties;
import com.buildnest.ordering.TaxSplit;
import com.buildnest.shared.Money;
import com.buildnest.testing.BuildNestTest;

/**
 * Generated orders, payments, stock movements, reviews and sales facts on a scratch database
 * migrated by the real changelog: every reference resolves, and each module's own rules hold —
 * totals are the lines plus delivery plus GST split as checkout splits it, histories follow the
 * order's state machine, payments agree with the orders, the ledger explains every stock level and
 * never went below zero, reviews come only from buyers of delivered orders, the analytics facts
 * add up to the orders. The same seed gives the same orders.
 */
@BuildNestTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderGenerationTests {

    private static final int ORDERS = 800;

    @Autowired
    Environment environment;

    @Autowired
    OrderingProperties ordering;

    private GeneratedDatabase database;
    private DataGenerator.Report report;
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeAll
    void generateEightHundredOrders() throws Exception {
        database = GeneratedDatabase.migrated(environment);
        report = generator(database, new PrintStream(progress, true, StandardCharsets.UTF_8)).generate(options(11));
    }

    @AfterAll
    void dropTheScratchDatabase() throws Exception {
        database.close();
    }

    @Test
    void writesTheRequestedOrdersWithTheirPaymentsAndFacts() {
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order")).isEqualTo(ORDERS);
        assertThat(database.number("SELECT COUNT(*) FROM payment")).isEqualTo(ORDERS);
        assertThat(database.number("SELECT COUNT(*) FROM analytics_order_fact")).isEqualTo(ORDERS);
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order o WHERE NOT EXISTS (SELECT 1 FROM"
                + " ordering_order_line l WHERE l.order_id = o.id)")).as("orders without lines").isZero();
        assertThat(report.rowsPerTable()).containsEntry("ordering_order", (long) ORDERS)
                .containsKeys("ordering_order_line", "ordering_status_change", "payment", "payment_refund",
                        "review", "review_product_rating", "inventory_reservation", "analytics_product_sale",
                        "analytics_refund");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[orders] done: 800 orders",
                "[payments] done: 800 payments", "[reviews] done: 800 orders", "[analytics] done: 800 orders");
    }

    @Test
    void ordersHaveARealisticMixOfStatesOverTheLastYear() {
        Map<String, Long> byStatus = new HashMap<>();
        database.jdbc.query("SELECT status, COUNT(*) FROM ordering_order GROUP BY status",
                row -> {
                    byStatus.put(row.getString(1), row.getLong(2));
                });
        assertThat(byStatus.get("DELIVERED")).isGreaterThan(ORDERS * 7 / 10);
        assertThat(byStatus).containsKeys("CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED");
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order WHERE placed_at >= '2026-11-01 00:00:00'"
                + " OR placed_at < '2025-10-31 00:00:00'")).as("orders outside the year before 2026-11-01").isZero();
        assertThat(database.number("SELECT COUNT(*) FROM ordering_status_change WHERE changed_at >= '2026-11-01'"))
                .as("moves after the generator's day").isZero();
        assertThat(database.number("SELECT COUNT(DISTINCT account_id) FROM ordering_order")).isGreaterThan(20);
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order WHERE supply = 'INTRA_STATE'")).isPositive();
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order WHERE supply = 'INTER_STATE'")).isPositive();
    }

    @Test
    void everyReferenceResolves() {
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order o LEFT JOIN customer_account a"
                + " ON a.id = o.account_id WHERE a.id IS NULL")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order_line l LEFT JOIN catalog_product p"
                + " ON p.id = l.product_id AND p.sku = l.sku AND p.hsn_code = l.hsn_code WHERE p.id IS NULL")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM payment p LEFT JOIN ordering_order o ON o.order_number ="
                + " p.order_number AND o.account_id = p.owner_account_id AND o.gateway_order_id = p.gateway_order_id"
                + " WHERE o.id IS NULL")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM analytics_order_fact f LEFT JOIN ordering_order o"
                + " ON o.order_number = f.order_number AND o.account_id = f.account_id WHERE o.id IS NULL")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM inventory_movement m LEFT JOIN ordering_order o"
                + " ON o.order_number = m.reference WHERE m.reference IS NOT NULL AND o.id IS NULL")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM inventory_reservation r WHERE NOT EXISTS (SELECT 1 FROM"
                + " ordering_order o JOIN ordering_order_line l ON l.order_id = o.id WHERE o.order_number = r.reference"
                + " AND l.sku = r.sku AND l.quantity = r.quantity)")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM review r LEFT JOIN catalog_product p ON p.id = r.product_id"
                + " LEFT JOIN customer_account a ON a.id = r.account_id WHERE p.id IS NULL OR a.id IS NULL")).isZero();
    }

    @Test
    void totalsAreTheLinesPlusDeliveryWithGstSplitAsCheckoutSplitsIt() {
        assertThat(database.number("""
                SELECT COUNT(*) FROM ordering_order_line l JOIN catalog_product p ON p.id = l.product_id
                WHERE l.taxable_paise <> l.unit_price_paise * l.quantity OR l.quantity < p.min_order_quantity
                OR MOD(l.quantity - p.min_order_quantity, p.order_step) <> 0
                OR l.unit_price_paise <> (SELECT t.unit_price_paise FROM catalog_tier_price t WHERE t.product_id =
                  p.id AND t.min_quantity = (SELECT MAX(u.min_quantity) FROM catalog_tier_price u
                  WHERE u.product_id = p.id AND u.min_quantity <= l.quantity))"""))
                .as("lines not priced by the catalogue's tier for their quantity").isZero();
        List<String> wrong = new ArrayList<>();
        database.jdbc.query("""
                SELECT o.order_number, o.supply, o.goods_paise, o.delivery_paise, o.delivery_gst_rate, o.cgst_paise,
                  o.sgst_paise, o.igst_paise, o.total_paise, SUM(l.taxable_paise), SUM(l.cgst_paise),
                  SUM(l.sgst_paise), SUM(l.igst_paise), o.seller_state_code, o.place_of_supply_code
                FROM ordering_order o JOIN ordering_order_line l ON l.order_id = o.id
                GROUP BY o.order_number, o.supply, o.goods_paise, o.delivery_paise, o.delivery_gst_rate, o.cgst_paise,
                  o.sgst_paise, o.igst_paise, o.total_paise, o.seller_state_code, o.place_of_supply_code""", row -> {
                    TaxSplit.Supply supply = TaxSplit.Supply.valueOf(row.getString(2));
                    TaxSplit delivery = TaxSplit.on(Money.ofPaise(row.getLong(4)), row.getBigDecimal(5), supply);
                    boolean right = supply == TaxSplit.Supply.between(row.getString(14), row.getString(15))
                            && row.getLong(3) == row.getLong(10)
                            && row.getLong(6) == row.getLong(11) + delivery.cgst().paise()
                            && row.getLong(7) == row.getLong(12) + delivery.sgst().paise()
                            && row.getLong(8) == row.getLong(13) + delivery.igst().paise()
                            && row.getLong(9) == row.getLong(3) + row.getLong(4) + row.getLong(6) + row.getLong(7)
                                    + row.getLong(8);
                    if (!right) {
                        wrong.add(row.getString(1));
                    }
                });
        assertThat(wrong).isEmpty();
        List<String> lines = new ArrayList<>();
        database.jdbc.query("""
                SELECT o.supply, l.taxable_paise, l.gst_rate, l.cgst_paise, l.sgst_paise, l.igst_paise
                FROM ordering_order_line l JOIN ordering_order o ON o.id = l.order_id""", row -> {
                    TaxSplit tax = TaxSplit.on(Money.ofPaise(row.getLong(2)), row.getBigDecimal(3),
                            TaxSplit.Supply.valueOf(row.getString(1)));
                    if (tax.cgst().paise() != row.getLong(4) || tax.sgst().paise() != row.getLong(5)
                            || tax.igst().paise() != row.getLong(6)) {
                        lines.add(row.getLong(2) + " at " + row.getBigDecimal(3));
                    }
                });
        assertThat(lines).as("lines whose GST is not the ordering module's split").isEmpty();
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order WHERE delivery_paise <= 0")).isZero();
    }

    @Test
    void historiesFollowTheOrdersStateMachineAndEndInItsStatus() {
        Map<String, List<String[]>> histories = new HashMap<>();
        database.jdbc.query("""
                SELECT o.order_number, o.status, c.from_status, c.to_status FROM ordering_status_change c
                JOIN ordering_order o ON o.id = c.order_id ORDER BY o.order_number, c.position""", row -> {
                    histories.computeIfAbsent(row.getString(1), number -> new ArrayList<>())
                            .add(new String[] { row.getString(2), row.getString(3), row.getString(4) });
                });
        assertThat(histories).hasSize(ORDERS);
        histories.forEach((number, steps) -> {
            assertThat(steps.get(0)[1]).as(number).isNull();
            assertThat(steps.get(0)[2]).as(number).isEqualTo("PENDING_PAYMENT");
            for (int i = 1; i < steps.size(); i++) {
                assertThat(steps.get(i)[1]).as(number).isEqualTo(steps.get(i - 1)[2]);
                assertThat(OrderStatus.valueOf(steps.get(i)[1]).mayBecome(OrderStatus.valueOf(steps.get(i)[2])))
                        .as(number + ": " + steps.get(i)[1] + " → " + steps.get(i)[2]).isTrue();
            }
            assertThat(steps.get(steps.size() - 1)[2]).as(number).isEqualTo(steps.get(0)[0]);
        });
        assertThat(database.number("SELECT COUNT(*) FROM ordering_status_change WHERE to_status = 'PAYMENT_FAILED'"))
                .as("failed payment attempts").isPositive();
        assertThat(database.number("""
                SELECT COUNT(*) FROM ordering_status_change c JOIN ordering_status_change n ON n.order_id = c.order_id
                AND n.position = c.position + 1 WHERE n.changed_at < c.changed_at""")).as("moves out of time").isZero();
    }

    @Test
    void staffMovesAreMadeByGeneratedStaffAccounts() {
        assertThat(database.number("SELECT COUNT(*) FROM ordering_status_change WHERE to_status = 'SHIPPED'"))
                .isPositive();
        assertThat(database.number("""
                SELECT COUNT(*) FROM ordering_status_change c WHERE c.to_status IN ('PACKED', 'SHIPPED', 'DELIVERED',
                'RETURNED') AND NOT EXISTS (SELECT 1 FROM customer_account_role r WHERE r.account_id = c.actor_id
                AND r.role = 'STAFF')""")).as("staff moves by an account without the STAFF role").isZero();
    }

    @Test
    void paidOrdersHaveConsecutiveInvoiceNumbersPerFinancialYear() {
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order WHERE (invoice_number IS NULL) <>"
                + " (gateway_payment_id IS NULL) OR (invoice_number IS NULL) <> (invoiced_on IS NULL)")).isZero();
        List<String> numbers = database.strings("""
                SELECT o.invoice_number FROM ordering_order o JOIN ordering_status_change c ON c.order_id = o.id
                AND c.to_status = 'PAID' WHERE o.invoice_number IS NOT NULL ORDER BY c.changed_at""");
        Map<String, Long> last = new HashMap<>();
        for (String number : numbers) {
            String year = number.substring(3, 8);
            long next = last.merge(year, 1L, Long::sum);
            assertThat(number).isEqualTo("BN/" + year + "/" + "%06d".formatted(next));
        }
        last.forEach((year, count) -> assertThat(database.number("SELECT last_number FROM ordering_invoice_sequence"
                + " WHERE financial_year = '20" + year.substring(0, 2) + "-" + year.substring(3) + "'"))
                .isEqualTo(count));
    }

    @Test
    void paymentsAgreeWithTheOrders() {
        assertThat(database.number("""
                SELECT COUNT(*) FROM payment p JOIN ordering_order o ON o.order_number = p.order_number
                WHERE p.amount_paise <> o.total_paise OR p.refunded_paise <> o.refunded_paise
                OR COALESCE(p.gateway_payment_id, '-') <> COALESCE(o.gateway_payment_id, '-')
                OR p.refunded_paise <> (SELECT COALESCE(SUM(r.amount_paise), 0) FROM payment_refund r
                  WHERE r.payment_id = p.id AND r.status = 'PROCESSED')"""))
                .as("payments whose amounts or ids differ from their orders").isZero();
        assertThat(database.number("""
                SELECT COUNT(*) FROM payment p JOIN ordering_order o ON o.order_number = p.order_number WHERE NOT (
                  (o.gateway_payment_id IS NOT NULL AND o.refunded_paise = 0 AND p.status = 'CAPTURED')
                  OR (o.gateway_payment_id IS NOT NULL AND o.refunded_paise = o.total_paise AND p.status = 'REFUNDED')
                  OR (o.gateway_payment_id IS NOT NULL AND o.refunded_paise BETWEEN 1 AND o.total_paise - 1
                      AND p.status = 'PARTIALLY_REFUNDED')
                  OR (o.gateway_payment_id IS NULL AND o.status = 'CANCELLED' AND p.status IN ('FAILED', 'CREATED')))"""))
                .as("payments in a state their order's does not explain").isZero();
        assertThat(database.number("SELECT COUNT(*) FROM payment WHERE status = 'FAILED' AND failure_reason IS NULL"))
                .isZero();
        assertThat(database.number("SELECT COUNT(*) FROM payment WHERE status = 'FAILED'")).isPositive();
        assertThat(database.number("""
                SELECT COUNT(*) FROM ordering_order WHERE (status = 'REFUNDED' AND refunded_paise <> total_paise)
                OR (status = 'PARTIALLY_REFUNDED' AND (refunded_paise = 0 OR refunded_paise >= total_paise))
                OR refunds_settled <> (SELECT COUNT(*) FROM payment_refund r JOIN payment p ON p.id = r.payment_id
                  WHERE p.order_number = ordering_order.order_number)
                OR (status IN ('REFUNDED', 'PARTIALLY_REFUNDED', 'DELIVERED', 'SHIPPED', 'PACKED', 'PAID')
                  AND gateway_payment_id IS NULL)"""))
                .as("orders whose refunds or payment do not match their status").isZero();
        assertThat(database.number("SELECT COUNT(*) FROM ordering_order WHERE refund_owed_paise <> 0"))
                .as("refunds still owed: the shop's job would ask the gateway about payments it never saw").isZero();
    }

    /** The shop's job pays an owed refund within a minute; generated data never leaves one owed. */
    @Test
    void aRefundTheShopOwesIsPaidAfterItsDelayButBeforeTheGeneratorsDay() {
        Instant longAgo = StepContext.AS_OF.minus(Duration.ofDays(30));
        assertThat(OrderStep.owedRefundPaidAt(longAgo, 3_600)).isEqualTo(longAgo.plusSeconds(3_600));

        Instant lastHour = StepContext.AS_OF.minus(Duration.ofHours(1));
        assertThat(OrderStep.owedRefundPaidAt(lastHour, 2 * 24 * 3_600))
                .isAfter(lastHour).isBefore(StepContext.AS_OF);
        Instant lastSecond = StepContext.AS_OF.minusSeconds(1);
        assertThat(OrderStep.owedRefundPaidAt(lastSecond, 600)).isAfterOrEqualTo(lastSecond)
                .isBefore(StepContext.AS_OF);
    }

    @Test
    void theLedgerExplainsEveryStockLevelAndNoLevelEverWentBelowZero() {
        assertThat(database.number("""
                SELECT COUNT(*) FROM inventory_stock s WHERE s.on_hand <> (SELECT COALESCE(SUM(m.on_hand_change), 0)
                FROM inventory_movement m WHERE m.sku = s.sku) OR s.reserved <> (SELECT COALESCE(SUM(m.reserved_change),
                0) FROM inventory_movement m WHERE m.sku = s.sku)""")).isZero();
        assertThat(database.number("""
                SELECT COUNT(*) FROM ordering_order o JOIN ordering_order_line l ON l.order_id = o.id
                WHERE (CASE WHEN o.gateway_payment_id IS NULL THEN 0 ELSE 1 END) <> (SELECT COUNT(*)
                  FROM inventory_movement m WHERE m.reference = o.order_number AND m.sku = l.sku AND m.kind = 'SALE'
                  AND m.on_hand_change = -l.quantity)""")).as("paid lines without their sale, or sales unpaid")
                .isZero();
        Map<String, long[]> running = new HashMap<>();
        List<String> negative = new ArrayList<>();
        database.jdbc.query("SELECT sku, on_hand_change, reserved_change FROM inventory_movement ORDER BY occurred_at,"
                + " id", row -> {
                    long[] level = running.computeIfAbsent(row.getString(1), sku -> new long[2]);
                    level[0] += row.getLong(2);
                    level[1] += row.getLong(3);
                    if (level[0] < 0 || level[1] < 0 || level[0] - level[1] < 0) {
                        negative.add(row.getString(1));
                    }
                });
        assertThat(negative).as("SKUs whose stock went below zero on the way").isEmpty();
        assertThat(database.number("SELECT COUNT(*) FROM inventory_movement WHERE kind = 'SALE'")).isPositive();
        assertThat(database.number("SELECT COUNT(*) FROM inventory_movement WHERE kind = 'RELEASE'")).isPositive();
    }

    @Test
    void reviewsComeOnlyFromBuyersOfDeliveredOrdersAndRatingsAddUp() {
        assertThat(database.number("SELECT COUNT(*) FROM review")).isPositive();
        assertThat(database.number("""
                SELECT COUNT(*) FROM review r WHERE NOT EXISTS (SELECT 1 FROM ordering_order o JOIN ordering_order_line l
                ON l.order_id = o.id WHERE o.account_id = r.account_id AND l.product_id = r.product_id
                AND o.status = 'DELIVERED' AND r.created_at > (SELECT MIN(c.changed_at) FROM ordering_status_change c
                  WHERE c.order_id = o.id AND c.to_status = 'DELIVERED'))""")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM review WHERE rating < 1 OR rating > 5")).isZero();
        assertThat(database.number("""
                SELECT COUNT(*) FROM review_product_rating g WHERE g.one_star <> (SELECT COUNT(*) FROM review r WHERE
                r.product_id = g.product_id AND r.rating = 1 AND NOT r.hidden) OR g.five_stars <> (SELECT COUNT(*)
                FROM review r WHERE r.product_id = g.product_id AND r.rating = 5 AND NOT r.hidden)""")).isZero();
        Map<Long, BigDecimal> averages = new HashMap<>();
        database.jdbc.query("SELECT product_id, SUM(rating), COUNT(*) FROM review WHERE NOT hidden GROUP BY product_id",
                row -> {
                    averages.put(row.getLong(1), ReviewStep.average(row.getLong(2), row.getLong(3)));
                });
        database.jdbc.query("SELECT id, rating_average, rating_count FROM catalog_product", row -> {
            assertThat(row.getBigDecimal(2)).as("product " + row.getLong(1)).isEqualTo(averages.get(row.getLong(1)));
        });
        assertThat(database.number("SELECT SUM(rating_count) FROM catalog_product"))
                .isEqualTo(database.number("SELECT COUNT(*) FROM review"));
    }

    @Test
    void salesFactsAddUpToTheOrders() {
        assertThat(database.number("SELECT COALESCE(SUM(total_paise), 0) FROM analytics_order_fact WHERE paid_day IS"
                + " NOT NULL")).isEqualTo(database.number("SELECT COALESCE(SUM(total_paise), 0) FROM ordering_order"
                        + " WHERE invoice_number IS NOT NULL"));
        assertThat(database.number("""
                SELECT COUNT(*) FROM analytics_order_fact f JOIN ordering_order o ON o.order_number = f.order_number
                WHERE f.status <> o.status OR f.total_paise <> o.total_paise OR f.refunded_paise <> o.refunded_paise
                OR f.placed_at <> o.placed_at OR (f.paid_day IS NULL) <> (o.invoiced_on IS NULL)
                OR f.paid_day <> o.invoiced_on""")).isZero();
        assertThat(database.number("SELECT COALESCE(SUM(amount_paise), 0) FROM analytics_refund"))
                .isEqualTo(database.number("SELECT SUM(refunded_paise) FROM ordering_order"));
        assertThat(database.number("SELECT SUM(revenue_paise) FROM analytics_product_sale")).isEqualTo(database.number(
                "SELECT SUM(l.taxable_paise + l.cgst_paise + l.sgst_paise + l.igst_paise) FROM ordering_order_line l"
                        + " JOIN ordering_order o ON o.id = l.order_id WHERE o.invoice_number IS NOT NULL"));
    }

    @Test
    void theSameSeedGivesTheSameOrders() throws Exception {
        String orders = "SELECT CONCAT(order_number, '|', status, '|', total_paise, '|', COALESCE(invoice_number, '-'))"
                + " FROM ordering_order ORDER BY id";
        try (GeneratedDatabase again = GeneratedDatabase.migrated(environment)) {
            generator(again, quiet()).generate(options(11));
            assertThat(again.strings(orders)).isEqualTo(database.strings(orders));
            assertThat(again.strings("SELECT CONCAT(product_id, '|', account_id, '|', rating) FROM review ORDER BY id"))
                    .isEqualTo(database.strings("SELECT CONCAT(product_id, '|', account_id, '|', rating) FROM review"
                            + " ORDER BY id"));
        }
    }

    private DataGenerator generator(GeneratedDatabase target, PrintStream out) {
        return new DataGenerator(target.dataSource, DataGenerator.standardSteps("not-a-hash", ordering), out);
    }

    private static GenerationOptions options(long seed) {
        return new GenerationOptions(60, 200, ORDERS, seed, false, false, GenerationOptions.DEFAULT_PASSWORD, false,
                List.of());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
