package com.buildnest.inventory;

import static com.buildnest.inventory.StockFixtures.STOREKEEPER;
import static com.buildnest.inventory.StockFixtures.cementOnTheShelf;
import static com.buildnest.inventory.StockFixtures.ledgerOf;
import static com.buildnest.inventory.StockFixtures.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;



import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.buildnest.inventory.Inventory.Line;
import com.buildnest.inventory.StockFixtures.LedgerTotals;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;
import com.buildnest.testing.StatementCounter.Counted;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/** Receipts, adjustments, reservations, sales, expiry and low stock, through the module API. */
@BuildNestTest
@RecordApplicationEvents
class InventoryTests {

    static final Duration TTL = Duration.ofMinutes(15);

    @Autowired
    Inventory inventory;

    @Autowired
    OpeningStock openingStock;

    @Autowired
    ReservationExpiry expiry;

    @Autowired
    LockProvider locks;

    @Autowired
    InventoryProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void trackingIsIdempotentAndStartsWithNothing() {
        String sku = StockFixtures.newSku();
        inventory.track(sku, 7L);
        StockLevel again = inventory.track(sku, 99L);

        assertThat(again).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available,
                StockLevel::lowStockThreshold).containsExactly(0L, 0L, 0L, 7L);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(0, 0, 0));
    }

    @Test
    void aSkuWithoutItsOwnThresholdFollowsTheConfiguredDefault() {
        String sku = cementOnTheShelf(inventory, 1, null);

        assertThat(inventory.level(sku).lowStockThreshold()).isEqualTo(properties.defaultLowStockThreshold());
    }

    @Test
    void availabilityOfManySkusIsOneStatement() {
        String cement = cementOnTheShelf(inventory, 10, 0L);
        String sand = cementOnTheShelf(inventory, 3, 0L);
        String steel = cementOnTheShelf(inventory, 7, 0L);
        inventory.reserve("ORD-AVAIL-" + cement, List.of(new Line(cement, 4)), TTL);
        Counted<Map<String, Long>> counted = StatementCounter.counted(
                () -> inventory.availability(List.of(cement, sand, steel, StockFixtures.newSku())));

        Map<String, Long> available = counted.result();
        assertThat(counted.statements()).hasSize(1);
        assertThat(available).containsExactlyInAnyOrderEntriesOf(Map.of(cement, 6L, sand, 3L, steel, 7L));
    }

    @Test
    void negativeAdjustmentTakesAtMostWhatIsAvailableAndARefusalChangesNothing() {
        String sku = cementOnTheShelf(inventory, 10, 0L);
        inventory.reserve("ORD-ADJ-" + sku, List.of(new Line(sku, 6)), TTL);

        assertThatThrownBy(() -> inventory.adjust(sku, -5, "two bags burst", STOREKEEPER))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.insufficient-stock"));
        assertThat(inventory.level(sku)).extracting(StockLevel::onHand, StockLevel::reserved)
                .containsExactly(10L, 6L);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 6, 2));

        StockLevel after = inventory.adjust(sku, -4, "four bags set hard in the rain", STOREKEEPER);

        assertThat(after).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available)
                .containsExactly(6L, 6L, 0L);
        assertThat(inventory.movements(sku, 1)).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo("ADJUSTMENT");
            assertThat(line.onHandChange()).isEqualTo(-4);
            assertThat(line.reason()).isEqualTo("four bags set hard in the rain");
            assertThat(line.actorId()).isEqualTo(STOREKEEPER);
        });
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(6, 6, 3));
    }

    @Test
    void adjustmentWithoutAReasonOrOfZeroIsRefusedAndChangesNothing() {
        String sku = cementOnTheShelf(inventory, 10, 0L);

        assertThatThrownBy(() -> inventory.adjust(sku, 3, " ", STOREKEEPER))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.reason-required"));
        assertThatThrownBy(() -> inventory.adjust(sku, 0, "nothing", STOREKEEPER))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.invalid-quantity"));
        assertThatThrownBy(() -> inventory.receive(sku, Inventory.MAX_QUANTITY + 1, null, STOREKEEPER))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.invalid-quantity"));
        assertThat(inventory.level(sku).onHand()).isEqualTo(10);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 0, 1));
    }

    @Test
    void changesToAnUntrackedSkuAreNotFound() {
        String sku = StockFixtures.newSku();

        assertThatThrownBy(() -> inventory.receive(sku, 5, null, STOREKEEPER))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.sku-not-found"));
        assertThatThrownBy(() -> inventory.adjust(sku, -1, "count", STOREKEEPER))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.sku-not-found"));
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(0, 0, 0));
    }

    @Test
    void releaseGivesTheReservedStockBackAndASecondReleaseChangesNothing() {
        String sku = cementOnTheShelf(inventory, 10, 0L);
        String reference = "ORD-REL-" + sku;
        inventory.reserve(reference, List.of(new Line(sku, 4)), TTL);
        assertThat(inventory.level(sku).available()).isEqualTo(6);

        inventory.release(reference);
        inventory.release(reference);

        assertThat(inventory.level(sku)).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available)
                .containsExactly(10L, 0L, 10L);
        assertThat(statusOf(jdbc, reference, sku)).isEqualTo("RELEASED");
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 0, 3));
    }

    @Test
    void confirmSellsTheReservedStockAndASecondConfirmOrALateReleaseChangesNothing() {
        String cement = cementOnTheShelf(inventory, 10, 0L);
        String sand = cementOnTheShelf(inventory, 3, 0L);
        String reference = "ORD-SALE-" + cement;
        inventory.reserve(reference, List.of(new Line(cement, 4), new Line(sand, 3), new Line(cement, 1)), TTL);

        inventory.confirm(reference);
        inventory.confirm(reference);
        inventory.release(reference);

        assertThat(inventory.level(cement)).extracting(StockLevel::onHand, StockLevel::reserved,
                StockLevel::available).containsExactly(5L, 0L, 5L);
        assertThat(inventory.level(sand)).extracting(StockLevel::onHand, StockLevel::reserved,
                StockLevel::available).containsExactly(0L, 0L, 0L);
        assertThat(statusOf(jdbc, reference, cement)).isEqualTo("CONFIRMED");
        assertThat(ledgerOf(jdbc, cement)).isEqualTo(new LedgerTotals(5, 0, 3));
        assertThat(ledgerOf(jdbc, sand)).isEqualTo(new LedgerTotals(0, 0, 3));
    }

    @Test
    void confirmingAReleasedOrUnknownReservationIsRefusedAndChangesNothing() {
        String sku = cementOnTheShelf(inventory, 10, 0L);
        String reference = "ORD-LATE-" + sku;
        inventory.reserve(reference, List.of(new Line(sku, 4)), TTL);
        inventory.release(reference);

        assertThatThrownBy(() -> inventory.confirm(reference))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.reservation-released"));
        assertThatThrownBy(() -> inventory.confirm("ORD-NEVER-" + sku))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.reservation-not-found"));
        assertThat(inventory.level(sku)).extracting(StockLevel::onHand, StockLevel::reserved)
                .containsExactly(10L, 0L);
        assertThat(statusOf(jdbc, reference, sku)).isEqualTo("RELEASED");
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 0, 3));
    }

    @Test
    void aReferenceReservesOnce() {
        String sku = cementOnTheShelf(inventory, 10, 0L);
        String reference = "ORD-ONCE-" + sku;
        inventory.reserve(reference, List.of(new Line(sku, 2)), TTL);

        assertThatThrownBy(() -> inventory.reserve(reference, List.of(new Line(sku, 2)), TTL))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.reference-already-reserved"));
        assertThat(inventory.level(sku).reserved()).isEqualTo(2);
    }

    @Test
    void expiredReservationsAreReleasedInBatchesOnceAndLiveOnesAreKept() {
        String sku = cementOnTheShelf(inventory, 10, 0L);
        Instant now = clock.instant();
        for (int order = 0; order < 3; order++) {
            inventory.reserve("ORD-EXP-" + order + "-" + sku, List.of(new Line(sku, 1)), Duration.ofSeconds(1));
        }
        inventory.reserve("ORD-LIVE-" + sku, List.of(new Line(sku, 2)), TTL);
        Clock later = Clock.fixed(now.plusSeconds(5), ZoneOffset.UTC);
        ReservationExpiry inBatchesOfTwo = new ReservationExpiry(inventory,
                new InventoryProperties(properties.defaultLowStockThreshold(), Duration.ofMinutes(1), 2), later);

        inBatchesOfTwo.releaseExpired();
        inBatchesOfTwo.releaseExpired();

        assertThat(inventory.level(sku)).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available)
                .containsExactly(10L, 2L, 8L);
        for (int order = 0; order < 3; order++) {
            assertThat(statusOf(jdbc, "ORD-EXP-" + order + "-" + sku, sku)).isEqualTo("RELEASED");
        }
        assertThat(statusOf(jdbc, "ORD-LIVE-" + sku, sku)).isEqualTo("ACTIVE");
        assertThat(inventory.movements(sku, 3)).extracting(Movement::kind, Movement::reason)
                .containsOnly(tuple("RELEASE", "expired"));
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 2, 8));
    }

    @Test
    void whileAnotherReplicaHoldsTheLockTheExpiryJobDoesNothing() throws Exception {
        String sku = cementOnTheShelf(inventory, 10, 0L);
        String reference = "ORD-LOCK-" + sku;
        SimpleLock otherReplica = locks.lock(new LockConfiguration(clock.instant(), ReservationExpiry.LOCK,
                Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        try {
            inventory.reserve(reference, List.of(new Line(sku, 3)), Duration.ofMillis(1));
            Thread.sleep(20);
            expiry.releaseExpired();

            assertThat(statusOf(jdbc, reference, sku)).isEqualTo("ACTIVE");
            assertThat(inventory.level(sku).reserved()).isEqualTo(3);
        } finally {
            otherReplica.unlock();
        }

        expiry.releaseExpired();

        assertThat(statusOf(jdbc, reference, sku)).isEqualTo("RELEASED");
        assertThat(inventory.level(sku).reserved()).isZero();
        assertThat(jdbc.sql("select count(*) from shedlock where name = ?").param(ReservationExpiry.LOCK)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void fallingBelowTheThresholdIsAnnouncedOncePerCrossing() {
        String sku = cementOnTheShelf(inventory, 8, 5L);
        inventory.reserve("ORD-LOW-1-" + sku, List.of(new Line(sku, 2)), TTL);
        assertThat(ranLow(sku)).isEmpty();

        inventory.reserve("ORD-LOW-2-" + sku, List.of(new Line(sku, 2)), TTL);
        inventory.reserve("ORD-LOW-3-" + sku, List.of(new Line(sku, 1)), TTL);
        assertThat(ranLow(sku)).containsExactly(new StockRanLow(sku, 4, 5));
        assertThat(inventory.level(sku).lowStock()).isTrue();

        inventory.release("ORD-LOW-2-" + sku);
        inventory.release("ORD-LOW-3-" + sku);
        assertThat(inventory.level(sku).lowStock()).isFalse();
        inventory.adjust(sku, -3, "damp bags thrown away", STOREKEEPER);

        assertThat(ranLow(sku)).containsExactly(new StockRanLow(sku, 4, 5), new StockRanLow(sku, 3, 5));
    }

    @Test
    void raisingTheThresholdAboveWhatIsAvailableAnnouncesLowStock() {
        String sku = cementOnTheShelf(inventory, 8, 5L);

        StockLevel level = inventory.setLowStockThreshold(sku, 10L, STOREKEEPER);

        assertThat(level.lowStock()).isTrue();
        assertThat(ranLow(sku)).containsExactly(new StockRanLow(sku, 8, 10));
    }

    @Test
    void aGroupDefaultAppliesToSkusWithoutTheirOwnThresholdAndAnnouncesThoseItTakesBelow() {
        String plain = cementOnTheShelf(inventory, 15, null); // above the configured default, below the group's
        String ownThreshold = cementOnTheShelf(inventory, 8, 2L);
        String plenty = cementOnTheShelf(inventory, 50, null);

        inventory.setDefaultLowStockThreshold(List.of(plain, ownThreshold, plenty, "NOT-TRACKED-1"), 20L);

        assertThat(inventory.level(plain)).extracting(StockLevel::lowStockThreshold, StockLevel::lowStock)
                .containsExactly(20L, true);
        assertThat(inventory.level(ownThreshold)).extracting(StockLevel::lowStockThreshold, StockLevel::lowStock)
                .containsExactly(2L, false);
        assertThat(inventory.level(plenty).lowStock()).isFalse();
        assertThat(ranLow(plain)).containsExactly(new StockRanLow(plain, 15, 20));
        assertThat(ranLow(ownThreshold)).isEmpty();
        assertThat(allLowStockSkus()).contains(plain).doesNotContain(ownThreshold, plenty);

        inventory.setDefaultLowStockThreshold(List.of(plain), 20L);
        assertThat(ranLow(plain)).as("the same default again is no new crossing").hasSize(1);

        inventory.setDefaultLowStockThreshold(List.of(plain), null);
        assertThat(inventory.level(plain)).extracting(StockLevel::lowStockThreshold, StockLevel::lowStock)
                .containsExactly(properties.defaultLowStockThreshold(), false);
    }

    @Test
    void openingStockTracksManySkusWithTheirReceiptsAndRefusesOnesAlreadyTracked() {
        String plenty = StockFixtures.newSku();
        String none = StockFixtures.newSku();

        openingStock.open(java.util.Map.of(plenty, 400L, none, 0L), "opening count", STOREKEEPER);

        assertThat(inventory.level(plenty)).extracting(StockLevel::onHand, StockLevel::available, StockLevel::lowStock)
                .containsExactly(400L, 400L, false);
        assertThat(inventory.level(none)).extracting(StockLevel::onHand, StockLevel::lowStock).containsExactly(0L, true);
        assertThat(inventory.movements(plenty, 10)).singleElement().satisfies(receipt -> {
            assertThat(receipt.kind()).isEqualTo("RECEIPT");
            assertThat(receipt.onHandChange()).isEqualTo(400);
        });
        assertThat(inventory.movements(none, 10)).isEmpty();
        assertThatThrownBy(() -> openingStock.open(java.util.Map.of(StockFixtures.newSku(), 5L, plenty, 5L), "again", STOREKEEPER))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("inventory.already-tracked"));
        assertThat(inventory.level(plenty).onHand()).isEqualTo(400);
    }

    @Test
    void aNegativeGroupDefaultIsRefused() {
        String sku = cementOnTheShelf(inventory, 8, null);

        assertThatThrownBy(() -> inventory.setDefaultLowStockThreshold(List.of(sku), -1L))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("inventory.invalid-threshold"));
        assertThat(inventory.level(sku).lowStockThreshold()).isEqualTo(properties.defaultLowStockThreshold());
    }

    private List<String> allLowStockSkus() {
        List<String> skus = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var content = inventory.lowStock(page, 100);
            content.forEach(level -> skus.add(level.sku()));
            if (!content.hasNext()) {
                return skus;
            }
        }
    }

    private List<StockRanLow> ranLow(String sku) {
        return events.stream(StockRanLow.class).filter(event -> event.sku().equals(sku)).toList();
    }
}
