package com.buildnest.inventory;

import static com.buildnest.inventory.StockFixtures.cementOnTheShelf;
import static com.buildnest.inventory.StockFixtures.ledgerOf;
import static com.buildnest.inventory.StockFixtures.reservationRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.inventory.Inventory.Line;
import com.buildnest.inventory.StockFixtures.LedgerTotals;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.testing.BuildNestTest;

/** Many buyers at once, through the module API, on the real database. */
@BuildNestTest
class StockReservationConcurrencyTests {

    static final int BUYERS = 50;
    static final Duration TTL = Duration.ofMinutes(15);

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyBuyersRacingForTheLastTenBagsGetExactlyTenReservations() throws Exception {
        String sku = cementOnTheShelf(inventory, 10, 0L);
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicLong lowestSeen = new AtomicLong(Long.MAX_VALUE);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int buyer = 0; buyer < BUYERS; buyer++) {
                String reference = "ORD-" + sku + "-" + buyer;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        inventory.reserve(reference, List.of(new Line(sku, 1)), TTL);
                        return "reserved";
                    } catch (BusinessRuleViolation refused) {
                        return refused.code();
                    }
                }));
            }
            Thread watcher = new Thread(() -> {
                while (racing.get()) {
                    lowestSeen.accumulateAndGet(inventory.availability(List.of(sku)).get(sku), Math::min);
                }
            });
            watcher.start();
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            racing.set(false);
            watcher.join();

            Map<String, Long> counted = results.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counted).containsExactlyInAnyOrderEntriesOf(
                    Map.of("reserved", 10L, "inventory.insufficient-stock", 40L));
        } finally {
            racing.set(false);
            pool.shutdownNow();
        }
        StockLevel level = inventory.level(sku);
        assertThat(level.onHand()).isEqualTo(10);
        assertThat(level.reserved()).isEqualTo(10);
        assertThat(level.available()).isZero();
        assertThat(lowestSeen.get()).as("available never seen below zero").isBetween(0L, 10L);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 10, 11));
    }

    @Test
    void reservationWhoseSecondLineIsShortReservesNothingOfTheFirst() {
        String cement = cementOnTheShelf(inventory, 5, 0L);
        String steel = cementOnTheShelf(inventory, 2, 0L);
        String reference = "ORD-SHORT-" + cement;

        assertThatThrownBy(() -> inventory.reserve(reference, List.of(new Line(cement, 3), new Line(steel, 3)), TTL))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("inventory.insufficient-stock");
                    assertThat(refused.kind()).isEqualTo(BusinessRuleViolation.Kind.CONFLICT);
                    assertThat(refused.getMessage()).contains(steel).doesNotContain(cement);
                });

        assertThat(inventory.availability(List.of(cement, steel))).containsExactlyInAnyOrderEntriesOf(
                Map.of(cement, 5L, steel, 2L));
        assertThat(inventory.level(cement).reserved()).isZero();
        assertThat(inventory.level(steel).reserved()).isZero();
        assertThat(reservationRows(jdbc, reference)).isZero();
        assertThat(ledgerOf(jdbc, cement)).isEqualTo(new LedgerTotals(5, 0, 1));
        assertThat(ledgerOf(jdbc, steel)).isEqualTo(new LedgerTotals(2, 0, 1));
    }

    @Test
    void refusalNamesEveryShortSkuAndAnUntrackedSkuCountsAsShort() {
        String cement = cementOnTheShelf(inventory, 1, 0L);
        String untracked = StockFixtures.newSku();

        assertThatThrownBy(() -> inventory.reserve("ORD-TWO-SHORT-" + cement,
                List.of(new Line(cement, 2), new Line(untracked, 1)), TTL))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> assertThat(refused.getMessage())
                        .contains(cement, untracked));
        assertThat(inventory.level(cement).available()).isEqualTo(1);
        assertThat(inventory.availability(List.of(cement, untracked))).containsExactly(Map.entry(cement, 1L));
    }

    @Test
    void confirmAndReleaseRacingForTheSameReservationNeverBothWin() throws Exception {
        String sku = cementOnTheShelf(inventory, 100, 0L);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long sold = 0;
        try {
            for (int order = 0; order < 20; order++) {
                String reference = "ORD-RACE-" + order + "-" + sku;
                inventory.reserve(reference, List.of(new Line(sku, 5)), TTL);
                CountDownLatch start = new CountDownLatch(1);
                Future<Boolean> confirmed = pool.submit(() -> {
                    start.await();
                    try {
                        inventory.confirm(reference);
                        return true;
                    } catch (BusinessRuleViolation released) {
                        return false;
                    }
                });
                Future<?> released = pool.submit(() -> {
                    start.await();
                    inventory.release(reference);
                    return null;
                });
                start.countDown();
                released.get(30, TimeUnit.SECONDS);
                if (confirmed.get(30, TimeUnit.SECONDS)) {
                    sold += 5;
                    assertThat(StockFixtures.statusOf(jdbc, reference, sku)).isEqualTo("CONFIRMED");
                } else {
                    assertThat(StockFixtures.statusOf(jdbc, reference, sku)).isEqualTo("RELEASED");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        StockLevel level = inventory.level(sku);
        assertThat(level.reserved()).isZero();
        assertThat(level.onHand()).isEqualTo(100 - sold);
        assertThat(ledgerOf(jdbc, sku)).extracting(LedgerTotals::onHand, LedgerTotals::reserved)
                .containsExactly(100 - sold, 0L);
    }

    @Test
    void twoRunsOfTheExpiryJobAtOnceReleaseEachReservationOnce(@Autowired InventoryProperties properties,
            @Autowired java.time.Clock clock) throws Exception {
        String sku = cementOnTheShelf(inventory, 20, 0L);
        for (int order = 0; order < 7; order++) {
            inventory.reserve("ORD-TWICE-" + order + "-" + sku, List.of(new Line(sku, 2)), Duration.ofSeconds(1));
        }
        java.time.Clock later = java.time.Clock.fixed(clock.instant().plusSeconds(5), java.time.ZoneOffset.UTC);
        InventoryProperties smallBatches = new InventoryProperties(properties.defaultLowStockThreshold(),
                properties.releaseExpiredEvery(), 3);
        // Two replicas without the lock: the conditional status change alone keeps it right.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int replica = 0; replica < 2; replica++) {
                ReservationExpiry expiry = new ReservationExpiry(inventory, smallBatches, later);
                runs.add(pool.submit(() -> {
                    start.await();
                    expiry.releaseExpired();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(inventory.level(sku)).extracting(StockLevel::onHand, StockLevel::reserved)
                .containsExactly(20L, 0L);
        assertThat(jdbc.sql("select count(*) from inventory_movement where sku = ? and kind = 'RELEASE'")
                .param(sku).query(Long.class).single()).isEqualTo(7);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(20, 0, 15));
    }
}
