package com.buildnest.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalogue settings.
 *
 * @param demoCatalogue load the demo catalogue of building materials into an empty catalogue at
 *        start (embedded default only)
 * @param pricesIncludeGst show prices to shoppers with GST included (prices are always stored
 *        tax-exclusive; the product view shows both amounts either way)
 */
@ConfigurationProperties("buildnest.catalog")
public record CatalogProperties(@DefaultValue("false") boolean demoCatalogue,
        @DefaultValue("false") boolean pricesIncludeGst) {
}
