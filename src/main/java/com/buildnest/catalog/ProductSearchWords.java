package com.buildnest.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;

/**
 * Cuts a shopper's text with the analyzers the product index was built with
 * ({@link ProductSearchAnalysis}), so a query's words are the index's words: "12mm" is two words
 * there, so it is two words here, and "2.5" is one in both.
 */
@Component
class ProductSearchWords {

    private final EntityManagerFactory entityManagerFactory;
    private volatile Analyzer words;
    private volatile Analyzer stems;

    ProductSearchWords(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** The words of {@code text}: lower-cased, accents folded, sizes written one way; in order, repeats kept. */
    List<String> wordsOf(String text) {
        if (words == null) {
            words = analyzer("prefix_query");
        }
        return terms(words, text);
    }

    /** The stemmed terms of {@code text}, as the {@code english} fields hold them ("Tiles" is "tile"). */
    List<String> stemsOf(String text) {
        if (stems == null) {
            stems = analyzer("english");
        }
        return terms(stems, text);
    }

    private Analyzer analyzer(String name) {
        return Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class).analyzer(name)
                .orElseThrow(() -> new IllegalStateException("The product index has no analyzer " + name));
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException impossible) { // the text is a string in memory
            throw new UncheckedIOException(impossible);
        }
        return terms;
    }
}
