package com.buildnest.catalog;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalysisComponentParametersStep;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalyzerTokenizerStep;

/**
 * How product text is cut into terms for search: {@code english} (lower-cased, accents folded,
 * Porter-stemmed, so "tiles" finds "tile"); {@code prefix} indexes the leading 2–15 characters of
 * every word for type-ahead ("vitri" finds "vitrified"), searched with {@code prefix_query}, which
 * does not cut the typed text again; {@code sort} normalises keywords for sorting and matching.
 * <p>
 * Before any of them cuts words, sizes are written one way: a number and the letters that follow
 * or precede it are two words ("12mm" is "12 mm", "Fe500D" is "Fe 500 D", "OPC53" is "OPC 53"),
 * and "sq mm", "sq. mm" and "sqmm" are one word, so a shopper finds a size however it is typed.
 * A decimal size stays one word ("2.5"). Queries are cut by the same analyzers
 * ({@link ProductSearchWords}), so the two sides always agree.
 * <p>
 * A change here changes the terms of every document: raise {@link ProductSearchIndex#ANALYSIS}
 * so that each replica rebuilds its index at its next start.
 * <p>
 * Public only because Hibernate Search instantiates it by name
 * ({@code hibernate.search.backend.analysis.configurer}) and needs a public constructor.
 */
public class ProductSearchAnalysis implements LuceneAnalysisConfigurer {

    public ProductSearchAnalysis() {
    }

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        standardWithSizesWrittenOneWay(context.analyzer("english").custom())
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("porterStem");
        standardWithSizesWrittenOneWay(context.analyzer("prefix").custom())
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("edgeNGram").param("minGramSize", "2").param("maxGramSize", "15");
        standardWithSizesWrittenOneWay(context.analyzer("prefix_query").custom())
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
        context.normalizer("sort").custom()
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }

    /** The standard tokenizer, after the sizes are written one way (the char filters run before it). */
    private static LuceneAnalysisComponentParametersStep standardWithSizesWrittenOneWay(
            LuceneAnalyzerTokenizerStep analyzer) {
        return analyzer.tokenizer("standard")
                .charFilter("patternReplace").param("pattern", "(?<=\\p{N})(?=\\p{L})|(?<=\\p{L})(?=\\p{N})")
                .param("replacement", " ")
                .charFilter("patternReplace").param("pattern", "(?i)\\bsq\\.?\\s*mm\\b").param("replacement", "sqmm");
    }
}
