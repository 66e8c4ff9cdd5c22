package com.buildnest.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.inventory.Reservation.Status;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * The inventory's API: stock per SKU in whole units of its base selling unit. Each method is one
 * transaction; each change of stock is one atomic conditional update plus its ledger line, so
 * available never goes below zero however many callers race, and a refused call changes nothing.
 */
@Service
public class Inventory {

    /** More than any real warehouse holds of one SKU; larger quantities are typing mistakes. */
    public static final long MAX_QUANTITY = 1_000_000_000L;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_REFERENCE = 100;
    static final Duration MAX_TTL = Duration.ofDays(30);
    /** The most SKUs one read of changes hands out. */
    static final int MAX_BATCH = 1_000;
    /** Bounds the IN lists of statements over many SKUs. */
    private static final int SKUS_PER_STATEMENT = 500;

    private final StockRepository stock;
    private final StockMovementRepository movements;
    private final ReservationRepository reservations;
    private final InventoryProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntityManager entityManager;

    Inventory(StockRepository stock, StockMovementRepository movements, ReservationRepository reservations,
            InventoryProperties properties, ApplicationEventPublisher events, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.stock = stock;
        this.movements = movements;
        this.reservations = reservations;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** One line of a reservation: so many units of a SKU. */
    public record Line(String sku, long quantity) {
    }

    /** What a reservation holds, and until when. */
    public record StockReservation(String reference, List<Line> lines, Instant expiresAt) {
    }

    /**
     * Starts tracking a SKU with no stock. Idempotent: a SKU already tracked is left as it is
     * (its threshold changes only through {@link #setLowStockThreshold}).
     *
     * @param lowStockThreshold the SKU's own threshold, or null for its group's or the configured default
     */
    @Transactional
    public StockLevel track(String sku, Long lowStockThreshold) {
        Stock.requireSku(sku);
        Stock.requireThreshold(lowStockThreshold);
        long threshold = lowStockThreshold != null ? lowStockThreshold : properties.defaultLowStockThreshold();
        stock.trackIfAbsent(sku, lowStockThreshold, 0 < threshold, clock.instant());
        return level(sku);
    }

    /** Goods arrived: on hand (and available) grows. */
    @Transactional
    public StockLevel receive(String sku, long quantity, String reason, long actorId) {
        Stock.requireQuantity(quantity, "quantity");
        String why = Stock.optionalReason(reason);
        Instant now = clock.instant();
        requireChanged(stock.addOnHand(sku, quantity, now), sku);
        movements.save(StockMovement.receipt(sku, quantity, why, actorId, now));
        events.publishEvent(new InventoryEvents.GoodsReceived(sku, quantity, why, actorId, now));
        stock.clearBelowThreshold(sku, properties.defaultLowStockThreshold());
        return level(sku);
    }

    /**
     * A correction after a count, breakage or loss, with the reason and who made it. A negative
     * delta may take at most what is available: reserved units belong to someone.
     */
    @Transactional
    public StockLevel adjust(String sku, long delta, String reason, long actorId) {
        Stock.requireAdjustment(delta, reason);
        String why = Stock.optionalReason(reason);
        Instant now = clock.instant();
        if (delta > 0) {
            requireChanged(stock.addOnHand(sku, delta, now), sku);
        } else if (stock.removeAvailable(sku, -delta, now) == 0) {
            level(sku); // unknown SKU: not found
            throw insufficientStock(List.of(sku));
        }
        movements.save(StockMovement.adjustment(sku, delta, why, actorId, now));
        events.publishEvent(new InventoryEvents.StockAdjusted(sku, delta, why, actorId, now));
        afterAvailableChanged(sku, delta < 0);
        return level(sku);
    }

    /**
     * Sets a SKU's own threshold, or null to follow its group's or the configured default. A change
     * is announced as {@link InventoryEvents.LowStockThresholdChanged} with the threshold it replaced
     * (read under the row's lock, so two changes at once each name the right one); setting the
     * threshold the SKU already has changes nothing and announces nothing.
     */
    @Transactional
    public StockLevel setLowStockThreshold(String sku, Long threshold, long actorId) {
        Stock.requireThreshold(threshold);
        Stock locked = stock.findForUpdate(sku).orElseThrow(() -> notTracked(sku));
        Long before = locked.ownThreshold();
        Instant now = clock.instant();
        stock.setThreshold(sku, threshold, now);
        if (!Objects.equals(before, threshold)) {
            events.publishEvent(new InventoryEvents.LowStockThresholdChanged(sku, before, threshold, actorId, now));
        }
        stock.clearBelowThreshold(sku, properties.defaultLowStockThreshold());
        announceIfRanLow(sku);
        return level(sku);
    }

    /**
     * Sets the default threshold of a group of SKUs (the catalogue's: the SKUs of one category), or
     * null to let them follow the configured default. A SKU's own threshold still wins; SKUs not
     * tracked are skipped. Each SKU this takes below its threshold is announced once, as any other
     * crossing is.
     */
    @Transactional
    public void setDefaultLowStockThreshold(Collection<String> skus, Long threshold) {
        Stock.requireThreshold(threshold);
        long configured = properties.defaultLowStockThreshold();
        List<String> all = List.copyOf(skus);
        for (int from = 0; from < all.size(); from += SKUS_PER_STATEMENT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + SKUS_PER_STATEMENT));
            stock.setDefaultThreshold(chunk, threshold, clock.instant());
            stock.clearBelowThreshold(chunk, configured);
            stock.findCrossingBelow(chunk, configured).forEach(this::announceIfRanLow);
        }
    }

    /**
     * Holds stock for a reference (an order number) until {@link #confirm} or {@link #release},
     * or until the time to live runs out. All lines or none: if any SKU is short, nothing is
     * reserved and the refusal ({@code inventory.insufficient-stock}, a conflict) names every
     * short SKU. Lines of the same SKU are added up. A reference reserves once.
     */
    @Transactional
    public StockReservation reserve(String reference, List<Line> lines, Duration ttl) {
        requireReference(reference);
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw BusinessRuleViolation.invalidField("inventory.invalid-ttl", "ttl",
                    "A reservation lasts more than nothing and at most " + MAX_TTL.toDays() + " days.");
        }
        if (lines == null || lines.isEmpty()) {
            throw BusinessRuleViolation.invalidField("inventory.no-lines", "lines", "Reserve at least one line.");
        }
        Map<String, Long> wanted = new TreeMap<>(); // SKU order: concurrent reservations lock rows alike
        for (Line line : lines) {
            Stock.requireSku(Objects.requireNonNull(line, "line").sku());
            wanted.merge(line.sku(), Stock.requireQuantity(line.quantity(), "quantity"), (a, b) ->
                    Stock.requireQuantity(a + b, "quantity"));
        }
        if (reservations.existsByReference(reference)) {
            throw BusinessRuleViolation.conflict("inventory.reference-already-reserved",
                    "Stock has already been reserved for " + reference + ".");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        List<String> shortSkus = new ArrayList<>();
        wanted.forEach((sku, quantity) -> {
            if (stock.reserve(sku, quantity, now) == 0) {
                shortSkus.add(sku);
            }
        });
        if (!shortSkus.isEmpty()) {
            throw insufficientStock(shortSkus); // the exception rolls back the lines already reserved
        }
        wanted.forEach((sku, quantity) -> {
            reservations.save(new Reservation(reference, sku, quantity, now, expiresAt));
            movements.save(StockMovement.reservation(sku, quantity, reference, now));
        });
        // one read finds the SKUs this took below their threshold (usually none); each is then marked once
        stock.findCrossingBelow(wanted.keySet(), properties.defaultLowStockThreshold()).forEach(this::announceIfRanLow);
        return new StockReservation(reference,
                wanted.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList(), expiresAt);
    }

    /**
     * Gives a reference's reserved stock back. Idempotent: released, confirmed or unknown
     * references are left as they are.
     */
    @Transactional
    public void release(String reference) {
        Instant now = clock.instant();
        for (Reservation reservation : reservations.findByReferenceOrderBySku(reference)) {
            releaseIfActive(reservation, "released", now);
        }
    }

    /**
     * The reserved stock is sold: on hand and reserved both drop by it. Idempotent: a confirmed
     * reference stays confirmed and nothing changes. Refused when the reservation is unknown
     * ({@code inventory.reservation-not-found}) or was released or expired
     * ({@code inventory.reservation-released}, a conflict: the stock may be gone).
     */
    @Transactional
    public void confirm(String reference) {
        List<Reservation> held = reservations.findByReferenceOrderBySku(reference);
        if (held.isEmpty()) {
            throw BusinessRuleViolation.notFound("inventory.reservation-not-found",
                    "No stock is reserved for " + reference + ".");
        }
        if (held.stream().anyMatch(r -> r.status() == Status.RELEASED)) {
            throw reservationReleased(reference);
        }
        sell(reference, held);
    }

    /**
     * Sells the stock still held for a reference, as {@link #confirm} does, and answers true; answers
     * false and changes nothing when none is held any more (released, expired, already sold or never
     * reserved), where {@code confirm} would refuse. For a caller that decides in its own transaction
     * what a lost reservation means: a refusal thrown through this would mark that transaction for
     * rollback. One read, then one statement for the reservation, one per SKU for the stock and one
     * per ledger line; the caller's persistence context is flushed first but never cleared, so its
     * entities stay managed.
     */
    @Transactional
    public boolean confirmIfHeld(String reference) {
        List<Reservation> held = reservations.findByReferenceOrderBySku(reference);
        if (held.isEmpty() || held.stream().anyMatch(r -> r.status() != Status.ACTIVE)) {
            return false;
        }
        sell(reference, held);
        return true;
    }

    /** Sells the active lines of {@code held}, all of a reference's reservation, or throws and rolls all of it back. */
    private void sell(String reference, List<Reservation> held) {
        List<Reservation> active = held.stream().filter(r -> r.status() == Status.ACTIVE).toList();
        if (active.isEmpty()) {
            return; // sold already
        }
        // One conditional update for every line: any line released meanwhile (the expiry job, this very
        // moment) leaves the count short, and the refusal rolls back the lines it did move.
        if (reservations.confirmAll(reference) != active.size()) {
            throw reservationReleased(reference);
        }
        Instant now = clock.instant();
        for (Reservation reservation : active) {
            if (stock.sell(reservation.sku(), reservation.quantity(), now) == 0) {
                throw new IllegalStateException("Reserved stock of " + reservation.sku() + " is missing");
            }
            movements.save(StockMovement.sale(reservation.sku(), reservation.quantity(), reference, now));
        }
    }

    /** Whether stock is still held for a reference: some of its reservation is neither released nor sold. */
    @Transactional(readOnly = true)
    public boolean holds(String reference) {
        return reservations.findByReferenceOrderBySku(reference).stream().anyMatch(r -> r.status() == Status.ACTIVE);
    }

    /**
     * What is available of each SKU, in one statement; SKUs not tracked are absent from the map.
     * No transaction of its own: outside one this is a single autocommitted read (a product page
     * asks it on every view), inside one it reads on the caller's connection. Every change of stock
     * is one statement, so a single read never sees half of one.
     */
    public Map<String, Long> availability(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> available = new TreeMap<>();
        List<String> all = List.copyOf(skus);
        for (int from = 0; from < all.size(); from += SKUS_PER_STATEMENT) {
            // Native: an IN list of a new length costs a whole new translation of a JPQL query, per call.
            // Its one table is named, so inside a caller's transaction only pending stock changes are
            // flushed first, never the caller's half-made changes of its own entities.
            List<?> rows = entityManager.createNativeQuery(
                    "select sku, on_hand - reserved from inventory_stock where sku in (:skus)")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("inventory_stock")
                    .setParameter("skus", all.subList(from, Math.min(all.size(), from + SKUS_PER_STATEMENT)))
                    .getResultList();
            rows.forEach(row -> available.put((String) ((Object[]) row)[0], ((Number) ((Object[]) row)[1]).longValue()));
        }
        return available;
    }

    /**
     * The stock of SKUs that changed at or after {@code since}, oldest change first, at most
     * {@code limit}: what others who follow stock (the catalogue's "in stock") ask every few seconds.
     */
    @Transactional(readOnly = true)
    public List<StockLevel> changedSince(Instant since, int limit) {
        long configured = properties.defaultLowStockThreshold();
        return stock.findByUpdatedAtGreaterThanEqualOrderByUpdatedAtAscSkuAsc(since,
                PageRequest.of(0, Math.min(limit, MAX_BATCH))).stream().map(s -> s.level(configured)).toList();
    }

    /** Every SKU's stock in SKU order, {@code limit} after the SKU {@code after} ("" to start). */
    @Transactional(readOnly = true)
    public List<StockLevel> allAfter(String after, int limit) {
        long configured = properties.defaultLowStockThreshold();
        return stock.findBySkuGreaterThanOrderBySkuAsc(after, PageRequest.of(0, Math.min(limit, MAX_BATCH)))
                .stream().map(s -> s.level(configured)).toList();
    }

    /** SKUs whose available stock is below their threshold, by SKU, at most 100 a page. */
    @Transactional(readOnly = true)
    public Page<StockLevel> lowStock(int page, int size) {
        long defaultThreshold = properties.defaultLowStockThreshold();
        return stock.findBelowThreshold(defaultThreshold,
                PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE)))
                .map(s -> s.level(defaultThreshold));
    }

    /**
     * The stock list staff page through, by SKU: every SKU whose code contains {@code skuText}
     * (any case) or that is among {@code alsoSkus} (the catalogue's matches of a product name),
     * or every SKU when both are empty; with {@code lowOnly}, only those below their threshold.
     * At most 100 a page; one statement for the page and one for the count.
     */
    @Transactional(readOnly = true)
    public Page<StockLevel> stockList(String skuText, Collection<String> alsoSkus, boolean lowOnly, int page,
            int size) {
        long defaultThreshold = properties.defaultLowStockThreshold();
        Specification<Stock> matching = Specification.unrestricted();
        boolean byText = skuText != null && !skuText.isBlank();
        if (byText || !alsoSkus.isEmpty()) {
            Specification<Stock> bySku = byText ? (root, query, cb) -> cb.like(cb.upper(root.get("sku")),
                    "%" + likeEscaped(skuText.strip().toUpperCase(Locale.ROOT)) + "%", '!')
                    : (root, query, cb) -> cb.disjunction();
            matching = alsoSkus.isEmpty() ? bySku : bySku.or((root, query, cb) -> root.get("sku").in(alsoSkus));
        }
        if (lowOnly) {
            matching = matching.and((root, query, cb) -> cb.lessThan(
                    cb.diff(root.<Long>get("onHand"), root.<Long>get("reserved")),
                    cb.coalesce(root.<Long>get("lowStockThreshold"),
                            cb.coalesce(root.<Long>get("defaultThreshold"), cb.literal(defaultThreshold)))));
        }
        return stock.findAll(matching, PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE), Sort.by("sku")))
                .map(s -> s.level(defaultThreshold));
    }

    /** A page of a SKU's ledger, newest first, at most 100 lines a page. */
    @Transactional(readOnly = true)
    public Page<Movement> movements(String sku, int page, int size) {
        return movements.findBySku(sku, PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE),
                Sort.by(Sort.Direction.DESC, "id"))).map(StockMovement::view);
    }

    /** '!' escapes: a backslash would need escaping itself in MariaDB's string literals. */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The levels of one SKU; {@code inventory.sku-not-found} if it is not tracked. */
    @Transactional(readOnly = true)
    public StockLevel level(String sku) {
        return stock.findById(sku).map(s -> s.level(properties.defaultLowStockThreshold()))
                .orElseThrow(() -> notTracked(sku));
    }

    private static BusinessRuleViolation notTracked(String sku) {
        return BusinessRuleViolation.notFound("inventory.sku-not-found", "No stock is tracked for SKU " + sku + ".");
    }

    /** The latest ledger lines of a SKU, newest first. */
    @Transactional(readOnly = true)
    public List<Movement> movements(String sku, int limit) {
        return movements.findBySkuOrderByIdDesc(sku,
                PageRequest.of(0, Math.min(limit, MAX_PAGE_SIZE), Sort.unsorted()))
                .stream().map(StockMovement::view).toList();
    }

    /**
     * Releases up to {@code batchSize} reservations that expired before {@code now}; returns
     * how many it looked at, so the caller knows whether to ask for another batch.
     */
    @Transactional
    int releaseExpired(Instant now, int batchSize) {
        List<Reservation> expired = reservations.findExpired(Status.ACTIVE, now, PageRequest.of(0, batchSize));
        expired.forEach(reservation -> releaseIfActive(reservation, "expired", now));
        return expired.size();
    }

    private void releaseIfActive(Reservation reservation, String reason, Instant now) {
        if (reservation.status() != Status.ACTIVE
                || reservations.transition(reservation.id(), Status.ACTIVE, Status.RELEASED) == 0) {
            return; // confirmed, or released by someone else first
        }
        if (stock.release(reservation.sku(), reservation.quantity(), now) == 0) {
            throw new IllegalStateException("Reserved stock of " + reservation.sku() + " is missing");
        }
        movements.save(StockMovement.release(reservation.sku(), reservation.quantity(), reservation.reference(),
                reason, now));
        stock.clearBelowThreshold(reservation.sku(), properties.defaultLowStockThreshold());
    }

    private void afterAvailableChanged(String sku, boolean fell) {
        if (fell) {
            announceIfRanLow(sku);
        } else {
            stock.clearBelowThreshold(sku, properties.defaultLowStockThreshold());
        }
    }

    /** The conditional update admits exactly one crossing, however many callers race. */
    private void announceIfRanLow(String sku) {
        if (stock.markBelowThreshold(sku, properties.defaultLowStockThreshold()) == 1) {
            StockLevel level = level(sku);
            events.publishEvent(new StockRanLow(sku, level.available(), level.lowStockThreshold()));
        }
    }

    private void requireChanged(int rows, String sku) {
        if (rows == 0) {
            level(sku); // throws inventory.sku-not-found
        }
    }

    private static void requireReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
            throw BusinessRuleViolation.invalidField("inventory.invalid-reference", "reference",
                    "A reservation needs a reference of 1 to " + MAX_REFERENCE + " characters.");
        }
    }

    private static BusinessRuleViolation insufficientStock(List<String> skus) {
        return BusinessRuleViolation.conflict("inventory.insufficient-stock",
                "Not enough stock of " + String.join(", ", skus) + ".");
    }

    private static BusinessRuleViolation reservationReleased(String reference) {
        return BusinessRuleViolation.conflict("inventory.reservation-released",
                "The stock reserved for " + reference + " was released or has expired.");
    }
}
