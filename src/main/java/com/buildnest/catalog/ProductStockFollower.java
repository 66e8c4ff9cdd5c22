package com.buildnest.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.inventory.Inventory;
import com.buildnest.inventory.StockLevel;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Keeps each product's "in stock" (the minimum order is available) in step with inventory, so search
 * can filter and count by it from its index instead of asking inventory about every match. Every
 * few seconds it reads the SKUs whose stock changed since it last looked (with an overlap, since a
 * transaction may commit a change stamped a moment earlier) and flips the products whose answer
 * changed; the search index follows those products when the transaction commits. On its first run,
 * and every {@link #FULL_CHECK_EVERY} after, it checks every product, which also puts right rows
 * written by other means (the data generator, a restore).
 */
@Component
class ProductStockFollower {

    static final String LOCK = "catalog-product-stock";
    static final Duration OVERLAP = Duration.ofSeconds(10);
    static final Duration FULL_CHECK_EVERY = Duration.ofMinutes(15);
    private static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ProductStockFollower.class);

    private final Inventory inventory;
    private final AdminProductRepository products;
    private final TransactionTemplate transaction;
    private final CatalogMemo memo;
    private final Clock clock;
    /** When the previous look began: changes stamped since then (less the overlap) are read next. */
    private Instant lastChange;
    private Instant lastFullCheck;

    ProductStockFollower(Inventory inventory, AdminProductRepository products, PlatformTransactionManager transactions,
            CatalogMemo memo, Clock clock) {
        this.inventory = inventory;
        this.memo = memo;
        this.products = products;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buildnest.catalog.stock-follow-every:2s}",
            initialDelayString = "${buildnest.catalog.stock-follow-every:2s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "5m")
    void follow() {
        catchUp(clock.instant()); // the clock inventory stamps its changes with
    }

    /**
     * Brings every product up to date with the stock changes since the previous call (less the
     * overlap); returns how many flipped. The previous call's own start time is the mark, not the
     * newest change seen, so a change stamped by a clock running ahead cannot hide later ones.
     */
    synchronized int catchUp(Instant now) {
        // A clock that went back would make "changed since the last look" skip real changes: check all.
        if (lastChange == null || now.isBefore(lastChange) || lastFullCheck.plus(FULL_CHECK_EVERY).isBefore(now)) {
            return checkEverything(now);
        }
        int flipped = 0;
        Instant since = lastChange.minus(OVERLAP);
        lastChange = now;
        List<StockLevel> changed;
        do {
            changed = inventory.changedSince(since, BATCH);
            flipped += apply(changed);
            if (changed.size() == BATCH) {
                Instant newest = changed.get(changed.size() - 1).updatedAt();
                if (!newest.isAfter(since)) {
                    return flipped + checkEverything(now); // a whole batch at one instant: read them all instead
                }
                since = newest;
            }
        } while (changed.size() == BATCH);
        return flipped;
    }

    private int checkEverything(Instant now) {
        int flipped = 0;
        String after = "";
        List<StockLevel> page;
        do {
            page = inventory.allAfter(after, BATCH);
            flipped += apply(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).sku();
        } while (page.size() == BATCH);
        lastChange = now;
        lastFullCheck = now;
        if (flipped > 0) {
            log.info("Checked the stock of every product: {} changed between in stock and out of stock", flipped);
        }
        return flipped;
    }

    private int apply(List<StockLevel> levels) {
        if (levels.isEmpty()) {
            return 0;
        }
        Integer flipped = transaction.execute(tx -> {
            Map<String, StockLevel> bySku = levels.stream()
                    .collect(Collectors.toMap(StockLevel::sku, Function.identity(), (a, b) -> b));
            int count = 0;
            // Locked, so a staff edit committing meanwhile is neither written back over nor indexed stale.
            for (Product product : products.findBySkuInOrderBySkuAsc(List.copyOf(bySku.keySet()))) {
                boolean before = product.inStock();
                product.followStock(bySku.get(product.sku()).available());
                count += before != product.inStock() ? 1 : 0;
            }
            return count;
        });
        if (flipped != null && flipped > 0) {
            memo.forgetPages(); // remembered pages would still filter and count by the old answer
        }
        return flipped == null ? 0 : flipped;
    }
}
