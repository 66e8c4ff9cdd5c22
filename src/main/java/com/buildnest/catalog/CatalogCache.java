package com.buildnest.catalog;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evicts cached catalogue reads (and what {@link CatalogMemo} remembers) after a change commits: evicting earlier would let a read in
 * between cache the old row again, and it keeps Redis calls out of database transactions. A cache
 * that cannot be reached is logged and skipped; its entries then expire with their time to live.
 */
@Component
class CatalogCache {

    /** The stock-free view of one active product, by id. */
    static final String PRODUCTS = "catalog.products";
    /** The category tree, under a single key. */
    static final String CATEGORIES = "catalog.categories";

    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);

    private final CacheManager caches;
    private final CatalogMemo memo;

    CatalogCache(CacheManager caches, CatalogMemo memo) {
        this.caches = caches;
        this.memo = memo;
    }

    void evictProduct(long id) {
        afterCommit(PRODUCTS, cache -> cache.evict(id));
    }

    void evictProducts() {
        afterCommit(PRODUCTS, Cache::invalidate); // invalidate, not clear: visible to the very next read
    }

    void evictCategories() {
        afterCommit(CATEGORIES, Cache::invalidate);
    }

    /** Every eviction also forgets the pages and views this replica remembers: they show the same products. */
    private void afterCommit(String name, Consumer<Cache> eviction) {
        Runnable evict = () -> {
            memo.forget();
            try {
                Cache cache = caches.getCache(name);
                if (cache != null) {
                    eviction.accept(cache);
                }
            } catch (RuntimeException unreachable) {
                log.warn("Could not evict from cache {}: {}", name, unreachable.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict.run();
                }
            });
        } else {
            evict.run();
        }
    }
}
