package com.buildnest.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalogue settings.
 *
 * @param demoCatalogue load the demo catalogue of building materials into an empty catalogue at
 *        start (embedded default only)
 */
@ConfigurationProperties("buildnest.catalog")
public record CatalogProperties(@DefaultValue("false") boolean demoCatalogue) {
}
