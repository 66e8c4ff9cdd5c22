package com.buildnest.catalog;

import java.time.Duration;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

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
 */
@Component
class CatalogMemo {

    /** About 30 MB of product views at the most, in pages. */
    private static final long MAX_PAGE_PRODUCTS = 10_000;
    /** About 30 MB of product views at the most, on their own. */
    private static final long MAX_VIEWS = 10_000;

    private final Cache<PageKey, SearchPage> pages;
    private final Cache<Long, ProductView> views;

    CatalogMemo(CatalogProperties properties) {
        Duration keepFor = properties.memoFor();
        this.pages = keepFor.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(keepFor)
                .maximumWeight(MAX_PAGE_PRODUCTS)
                .<PageKey, SearchPage>weigher((key, page) -> 1 + page.products().getNumberOfElements())
                .build();
        this.views = keepFor.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(keepFor)
                .maximumSize(MAX_VIEWS).build();
    }

    /** The page remembered for this search, or {@code search}'s answer, remembered when it succeeds. */
    SearchPage page(SearchQuery query, int page, int size, Supplier<SearchPage> search) {
        return pages == null ? search.get() : pages.get(new PageKey(query, page, size), key -> search.get());
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
}
