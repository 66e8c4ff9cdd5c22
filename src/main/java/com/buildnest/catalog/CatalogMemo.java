package com.buildnest.catalog;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import com.buildnest.catalog.ProductCatalog.ProductView;
import com.buildnest.catalog.ProductCatalog.SearchPage;
import com.buildnest.catalog.ProductCatalog.SearchQuery;

/**
 * The shop window remembered for a few seconds in this replica (docs/adr/0009): listing and
 * search pages, and the stock-free views of product pages in front of the shared view cache
 * (Redis). The same category page, search or product asked by many shoppers at once is computed or
 * fetched once. Nothing here depends on who asks, so every shopper shares it.
 * A catalogue change made here forgets everything when it commits, and a product moving in or out
 * of stock forgets the pages; a change made on another replica, and the stock counts a page shows,
 * are at most {@link CatalogProperties#memoFor()} old. Product pages and carts always read stock live.
 * Pages are weighed by their products, so the memo holds a bounded number of products however
 * large the pages asked for.
 *
 * <p>A page asked for in the second half of its period is answered from memory as usual and
 * searched afresh in the background, so that a page in steady demand never makes a shopper wait
 * for its recomputation (which, with requests queueing behind it on a small machine, was the
 * listing's and search's tail latency). A refresh replaces only the page it was started from: a
 * page forgotten meanwhile (a catalogue or stock change) stays forgotten.
 */
@Component
class CatalogMemo {

    private static final Logger log = LoggerFactory.getLogger(CatalogMemo.class);

    /** About 30 MB of product views at the most, in pages. */
    private static final long MAX_PAGE_PRODUCTS = 10_000;
    /** About 30 MB of product views at the most, on their own. */
    private static final long MAX_VIEWS = 10_000;
    /**
     * Threads that search pages afresh. One was too few under load: with every core busy serving
     * requests, a single thread got so little CPU that refreshes queued past their pages' expiry,
     * and shoppers waited for recomputations after all (docs/benchmarks.md, catalogue section).
     */
    private static final int REFRESH_THREADS = 2;

    private final Cache<PageKey, Remembered> pages;
    private final Cache<Long, ProductView> views;
    private final Ticker ticker;
    private final long refreshAfterNanos;
    private final Executor refresher;
    private final ExecutorService ownRefresher;
    private final Set<PageKey> refreshing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refreshThreads = new AtomicInteger();

    @Autowired
    CatalogMemo(CatalogProperties properties) {
        this(properties.memoFor(), Ticker.systemTicker(), null);
    }

    /** @param refresher where pages are searched afresh; null for threads of the memo's own */
    CatalogMemo(Duration keepFor, Ticker ticker, Executor refresher) {
        this.ticker = ticker;
        this.refreshAfterNanos = keepFor.toNanos() / 2;
        this.pages = keepFor.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(keepFor).ticker(ticker)
                .maximumWeight(MAX_PAGE_PRODUCTS)
                .<PageKey, Remembered>weigher((key, page) -> 1 + page.page().products().getNumberOfElements())
                .build();
        this.views = keepFor.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(keepFor).ticker(ticker)
                .maximumSize(MAX_VIEWS).build();
        this.ownRefresher = refresher != null || keepFor.isZero() ? null
                : Executors.newFixedThreadPool(REFRESH_THREADS, runnable -> {
                    Thread thread = new Thread(runnable, "catalog-memo-refresh-" + refreshThreads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.refresher = refresher != null ? refresher : ownRefresher;
    }

    /**
     * The page remembered for this search, or {@code search}'s answer, remembered when it succeeds;
     * a page past the middle of its period is also searched afresh in the background.
     */
    SearchPage page(SearchQuery query, int page, int size, Supplier<SearchPage> search) {
        if (pages == null) {
            return search.get();
        }
        PageKey key = new PageKey(query, page, size);
        Remembered remembered = pages.get(key, k -> new Remembered(search.get(), ticker.read()));
        if (ticker.read() - remembered.at() >= refreshAfterNanos && refreshing.add(key)) {
            refreshInBackground(key, remembered, search);
        }
        return remembered.page();
    }

    private void refreshInBackground(PageKey key, Remembered stale, Supplier<SearchPage> search) {
        try {
            refresher.execute(() -> {
                try {
                    // Only over the page it was started from: one forgotten meanwhile stays forgotten.
                    pages.asMap().replace(key, stale, new Remembered(search.get(), ticker.read()));
                } catch (RuntimeException failure) {
                    log.warn("Could not refresh a remembered catalogue page (it expires as usual): {}",
                            failure.getMessage());
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RuntimeException rejected) { // shutting down
            refreshing.remove(key);
        }
    }

    @PreDestroy
    void stop() {
        if (ownRefresher != null) {
            ownRefresher.shutdownNow();
        }
    }

    /** The stock-free view remembered for this product, or {@code read}'s answer, remembered when it succeeds. */
    ProductView view(long productId, LongFunction<ProductView> read) {
        return views == null ? read.apply(productId) : views.get(productId, read::apply);
    }

    /** Forgets every remembered page and view: the catalogue changed. */
    void forget() {
        forgetPages();
        if (views != null) {
            views.invalidateAll();
        }
    }

    /** Forgets every remembered page: a product's stock state changed (views hold no stock). */
    void forgetPages() {
        if (pages != null) {
            pages.invalidateAll();
        }
    }

    private record PageKey(SearchQuery query, int page, int size) {
    }

    /** A page and when it was searched, by the memo's ticker. */
    private record Remembered(SearchPage page, long at) {
    }
}
