package com.buildnest.catalog;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import com.buildnest.catalog.ProductCatalog.SearchPage;
import com.buildnest.catalog.ProductCatalog.SearchQuery;

/**
 * Listing and search pages remembered for a few seconds in this replica (docs/adr/0009): the same
 * category page or search asked by many shoppers at once is computed once. A page is the same for
 * every shopper (nothing in it depends on who asks), so anonymous and signed-in shoppers share it.
 * A catalogue change made here forgets every page when it commits, and so does a product moving in
 * or out of stock; a change made on another replica, and the stock counts a page shows, are at most
 * {@link CatalogProperties#listingMemoFor()} old. Product pages and carts always read stock live.
 * Pages are weighed by their products, so the memo holds a bounded number of products however
 * large the pages asked for.
 */
@Component
class ListingMemo {

    /** About 30 MB of product views at the most. */
    private static final long MAX_PRODUCTS = 10_000;

    private final Cache<Key, SearchPage> pages;

    ListingMemo(CatalogProperties properties) {
        Duration keepFor = properties.listingMemoFor();
        this.pages = keepFor.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(keepFor)
                .maximumWeight(MAX_PRODUCTS)
                .<Key, SearchPage>weigher((key, page) -> 1 + page.products().getNumberOfElements())
                .build();
    }

    /** The page remembered for this search, or {@code search}'s answer, remembered when it succeeds. */
    SearchPage page(SearchQuery query, int page, int size, Supplier<SearchPage> search) {
        return pages == null ? search.get() : pages.get(new Key(query, page, size), key -> search.get());
    }

    /** Forgets every remembered page: the catalogue or its stock changed. */
    void forget() {
        if (pages != null) {
            pages.invalidateAll();
        }
    }

    private record Key(SearchQuery query, int page, int size) {
    }
}
