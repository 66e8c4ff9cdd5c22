package com.buildnest.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalogue settings.
 *
 * @param demoCatalogue load the demo catalogue of building materials into an empty catalogue at
 *        start (embedded default only)
 * @param pricesIncludeGst show prices to shoppers with GST included (prices are always stored
 *        tax-exclusive; the product view shows both amounts either way)
 * @param memoFor how long a replica answers the same listing or search page from memory
 *        (docs/adr/0009); zero turns the memo off
 */
@ConfigurationProperties("buildnest.catalog")
public record CatalogProperties(@DefaultValue("false") boolean demoCatalogue,
        @DefaultValue("false") boolean pricesIncludeGst, @DefaultValue("10s") Duration memoFor) {

    public CatalogProperties {
        if (memoFor.isNegative()) {
            throw new IllegalArgumentException("buildnest.catalog.memo-for must not be negative");
        }
    }
}
