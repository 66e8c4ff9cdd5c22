package com.buildnest.catalog;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How product text is cut into terms for search: {@code english} (lower-cased, accents folded,
 * Porter-stemmed, so "tiles" finds "tile"); {@code prefix} indexes the leading 2–15 characters of
 * every word for type-ahead ("vitri" finds "vitrified"), searched with {@code prefix_query}, which
 * does not cut the typed text again; {@code sort} normalises keywords for sorting and matching.
 * Public only because Hibernate Search instantiates it by name
 * ({@code hibernate.search.backend.analysis.configurer}) and needs a public constructor.
 */
public class ProductSearchAnalysis implements LuceneAnalysisConfigurer {

    public ProductSearchAnalysis() {
    }

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer("english").custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("porterStem");
        context.analyzer("prefix").custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("edgeNGram").param("minGramSize", "2").param("maxGramSize", "15");
        context.analyzer("prefix_query").custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
        context.normalizer("sort").custom()
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }
}
