package com.buildnest.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep;
import org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.springframework.stereotype.Component;

import com.buildnest.inventory.Inventory;

/**
 * Keyword search over the product index (docs/adr/0005) with filters, sorts and facet counts.
 * Each facet counts the products matching the query and every filter except its own, so a
 * shopper sees how many products each other brand (category, price band, stock state) would give.
 * Whether a product is in stock is a field of its index document, which follows inventory within
 * seconds (see the ADR); the stock shown for the page's products is read from inventory.
 */
@Component
class ProductSearch {

    /** Price bands in paise, lower bound included, upper excluded; null = open. */
    static final List<Range<Long>> PRICE_BANDS = List.of(Range.canonical(0L, 10_000L),
            Range.canonical(10_000L, 50_000L), Range.canonical(50_000L, 100_000L),
            Range.canonical(100_000L, 500_000L), Range.canonical(500_000L, null));
    private static final int MAX_TERMS = 10;
    /**
     * What a word that names a product's shelf ({@link ShelfNames}) adds to the product's score:
     * more than the spread of scores among products whose names hold the word, so "cement" ranks
     * the bags of the Cement shelf above the pipe fitter's solvent cement, and "tile" the tiles
     * above the tile adhesives.
     */
    private static final int SHELF_BOOST = 100;
    /** How deep pages go, as search engines bound it: nobody reads result 10,001 by paging. */
    static final int MAX_WINDOW = 10_000;
    private static final int MAX_FACET_VALUES = 100;
    private static final AggregationKey<Map<String, Long>> BRANDS = AggregationKey.of("brand");
    private static final AggregationKey<Map<Long, Long>> CATEGORIES = AggregationKey.of("category");
    private static final AggregationKey<Map<Range<Long>, Long>> PRICES = AggregationKey.of("price");
    private static final AggregationKey<Map<String, Long>> ATTRIBUTES = AggregationKey.of("attribute");
    private static final AggregationKey<Map<Boolean, Long>> STOCK = AggregationKey.of("stock");
    /** Distinct {@code name=value} pairs counted per search; far more than a shopper can scan. */
    private static final int MAX_ATTRIBUTE_TERMS = 2_000;

    enum Order {
        RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST, NAME, RATING
    }

    /**
     * What a shopper asks for; null means "not filtered". {@code attributes} maps lowercase
     * attribute names to the values wanted: any of a name's values, and every name.
     */
    record Criteria(String text, Collection<Long> categoryIds, List<String> brands, Long minPaise, Long maxPaise,
            Boolean inStock, Order order, Map<String, List<String>> attributes) {

        Criteria {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        /** The same search without a filter (its sort and page play no part in counts). */
        Criteria without(Filter filter) {
            return new Criteria(text, filter == Filter.CATEGORY ? null : categoryIds,
                    filter == Filter.BRAND ? null : brands, filter == Filter.PRICE ? null : minPaise,
                    filter == Filter.PRICE ? null : maxPaise, filter == Filter.IN_STOCK ? null : inStock, null,
                    attributes);
        }

        /** The same search without its filter on attribute {@code name}. */
        Criteria withoutAttribute(String name) {
            Map<String, List<String>> others = new HashMap<>(attributes);
            others.remove(name);
            return new Criteria(text, categoryIds, brands, minPaise, maxPaise, inStock, order, others);
        }
    }

    /**
     * One page of products, the stock of each, and the facet counts; {@code attributes} by
     * attribute name, then value.
     */
    record Found(List<Product> products, long total, Map<String, Long> available, Map<String, Long> brands,
            Map<Long, Long> categories, Map<Range<Long>, Long> prices, Map<Boolean, Long> inStock,
            Map<String, Map<String, Long>> attributes) {
    }

    private enum Filter {
        CATEGORY, BRAND, PRICE, IN_STOCK
    }

    /** How long a facet counted without its own filter is remembered (see {@link #countWithout}). */
    static final Duration FACET_COUNTS_FOR = Duration.ofSeconds(5);

    private final EntityManager entityManager;
    private final Inventory inventory;
    private final ProductSearchWords analysis;
    /** The category tree's words as last worked out; replaced whole when a category changes. */
    private volatile ShelfNames shelves = ShelfNames.NONE;
    private final Map<String, List<String>> otherShelfNames = ShelfNames.otherNames();
    private final Cache<FacetQuery, Map<?, Long>> facetCounts = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(FACET_COUNTS_FOR).build();

    ProductSearch(EntityManager entityManager, Inventory inventory, ProductSearchWords analysis) {
        this.entityManager = entityManager;
        this.inventory = inventory;
        this.analysis = analysis;
    }

    /**
     * Runs inside the caller's transaction. One index query finds the page and counts every facet
     * whose filter the shopper did not set; each facet whose filter is set is counted by one more
     * query without that filter. Stock is read from inventory for the page only: the index knows
     * which products are in stock (ProductStockFollower keeps it current). {@code shop} is every
     * category of the shop: a word of the text is also found in the names of a product's shelves.
     */
    Found find(Criteria criteria, List<Category> shop, int offset, int limit) {
        SearchSession session = Search.session(entityManager);
        List<Word> words = criteria.text() == null ? null : words(criteria.text(), shop);
        boolean byCategory = criteria.categoryIds() != null;
        boolean byBrand = criteria.brands() != null && !criteria.brands().isEmpty();
        boolean byPrice = criteria.minPaise() != null || criteria.maxPaise() != null;
        boolean byStock = criteria.inStock() != null;
        var query = session.search(Product.class)
                .where(f -> predicate(f, criteria, words, null))
                .sort(f -> sort(f, criteria))
                .aggregation(ATTRIBUTES, f -> f.terms().field("attribute_facet", String.class)
                        .maxTermCount(MAX_ATTRIBUTE_TERMS));
        if (!byBrand) {
            query = query.aggregation(BRANDS, f -> brandCounts(f));
        }
        if (!byCategory) {
            query = query.aggregation(CATEGORIES, f -> categoryCounts(f));
        }
        if (!byPrice) {
            query = query.aggregation(PRICES, f -> priceCounts(f));
        }
        if (!byStock) {
            query = query.aggregation(STOCK, f -> stockCounts(f));
        }
        // A page past the window is empty (it still counts): deep offsets would make Lucene rank them all.
        SearchResult<Product> result = (long) offset + limit > MAX_WINDOW ? query.fetch(0) : query.fetch(offset, limit);
        List<Product> page = result.hits();
        Map<String, Long> available = inventory.availability(page.stream().map(Product::sku).toList());
        Map<String, Long> brands = byBrand ? countWithout(session, criteria, words, Filter.BRAND, BRANDS, this::brandCounts)
                : result.aggregation(BRANDS);
        Map<Long, Long> categories = byCategory
                ? countWithout(session, criteria, words, Filter.CATEGORY, CATEGORIES, this::categoryCounts)
                : result.aggregation(CATEGORIES);
        Map<Range<Long>, Long> prices = byPrice
                ? countWithout(session, criteria, words, Filter.PRICE, PRICES, this::priceCounts)
                : result.aggregation(PRICES);
        Map<Boolean, Long> stock = new LinkedHashMap<>();
        Map<Boolean, Long> stockCounts = byStock
                ? countWithout(session, criteria, words, Filter.IN_STOCK, STOCK, this::stockCounts)
                : result.aggregation(STOCK);
        stock.put(true, stockCounts.getOrDefault(true, 0L));
        stock.put(false, stockCounts.getOrDefault(false, 0L));
        return new Found(page, result.total().hitCount(), available, brands, categories, prices, stock,
                attributeFacets(session, criteria, words, result.aggregation(ATTRIBUTES)));
    }

    /**
     * A facet counted without its own filter. These counts are the same for many requests (every
     * category listing counts the categories of the whole shop), so they are remembered for
     * {@link #FACET_COUNTS_FOR}: the page and its total are always live, the other choices' counts
     * may be that much older.
     */
    @SuppressWarnings("unchecked")
    private <T> Map<T, Long> countWithout(SearchSession session, Criteria criteria, List<Word> words, Filter excluded,
            AggregationKey<Map<T, Long>> key,
            Function<SearchAggregationFactory, ? extends AggregationFinalStep<Map<T, Long>>> counts) {
        return (Map<T, Long>) facetCounts.get(new FacetQuery(criteria.without(excluded), excluded, key.name()),
                query -> session.search(Product.class).where(f -> predicate(f, criteria, words, excluded))
                        .aggregation(key, counts).fetch(0).aggregation(key));
    }

    /** What a remembered facet count answers: the criteria without the facet's own filter, and the facet. */
    private record FacetQuery(Criteria criteria, Filter facet, String aggregation) {
    }

    private AggregationFinalStep<Map<String, Long>> brandCounts(SearchAggregationFactory f) {
        return f.terms().field("brand_facet", String.class).maxTermCount(MAX_FACET_VALUES);
    }

    private AggregationFinalStep<Map<Long, Long>> categoryCounts(SearchAggregationFactory f) {
        return f.terms().field("categoryId", Long.class).maxTermCount(10_000);
    }

    private AggregationFinalStep<Map<Range<Long>, Long>> priceCounts(SearchAggregationFactory f) {
        return f.range().field("pricePaise", Long.class).ranges(PRICE_BANDS);
    }

    private AggregationFinalStep<Map<Boolean, Long>> stockCounts(SearchAggregationFactory f) {
        return f.terms().field("inStock", Boolean.class); // a missing side counts 0 (find fills it); minDocumentCount(0) would scan every document
    }

    /**
     * Counts of each attribute value among the matches: for a name that is not filtered, with every
     * filter; for a filtered one, with every filter but its own (one more index query per filtered
     * name), so a shopper who picked grade "OPC 53" still sees how many "PPC" there are.
     */
    private Map<String, Map<String, Long>> attributeFacets(SearchSession session, Criteria criteria,
            List<Word> words, Map<String, Long> withEveryFilter) {
        Map<String, Map<String, Long>> facets = new TreeMap<>(byName(withEveryFilter));
        facets.keySet().removeAll(criteria.attributes().keySet());
        for (String name : criteria.attributes().keySet()) {
            Map<String, Long> values = byName(attributeCounts(session, criteria.withoutAttribute(name), words))
                    .get(name);
            if (values != null) {
                facets.put(name, values);
            }
        }
        return facets;
    }

    private Map<String, Long> attributeCounts(SearchSession session, Criteria criteria, List<Word> words) {
        return session.search(Product.class)
                .where(f -> predicate(f, criteria, words, null))
                .aggregation(ATTRIBUTES, f -> f.terms().field("attribute_facet", String.class)
                        .maxTermCount(MAX_ATTRIBUTE_TERMS))
                .fetch(0).aggregation(ATTRIBUTES);
    }

    /** {@code name=value} counts as counts by name, each name's values most frequent first, then by value. */
    static Map<String, Map<String, Long>> byName(Map<String, Long> termCounts) {
        Map<String, Map<String, Long>> byName = new TreeMap<>();
        termCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(term -> {
                    int equals = term.getKey().indexOf('=');
                    byName.computeIfAbsent(term.getKey().substring(0, equals), name -> new LinkedHashMap<>())
                            .put(term.getKey().substring(equals + 1), term.getValue());
                });
        return byName;
    }

    private PredicateFinalStep predicate(SearchPredicateFactory f, Criteria criteria, List<Word> words,
            Filter excluded) {
        BooleanPredicateClausesStep<?, ?> all = f.bool().filter(f.match().field("active").matching(true));
        if (words != null) {
            all.must(text(f, criteria.text(), words));
        }
        if (criteria.categoryIds() != null && excluded != Filter.CATEGORY) {
            all.filter(f.terms().field("categoryId").matchingAny(criteria.categoryIds()));
        }
        if (criteria.brands() != null && !criteria.brands().isEmpty() && excluded != Filter.BRAND) {
            // A terms predicate compares indexed terms as given; a match predicate applies the field's
            // normalizer to the brand asked for, so "havells" and "Havells" both match.
            BooleanPredicateClausesStep<?, ?> anyBrand = f.bool();
            criteria.brands().forEach(brand -> anyBrand.should(f.match().field("brand_key").matching(brand)));
            all.filter(anyBrand);
        }
        criteria.attributes().forEach((name, values) -> {
            // Matched through the normalised field, so "opc 53" finds "OPC 53".
            BooleanPredicateClausesStep<?, ?> anyValue = f.bool();
            values.forEach(value -> anyValue.should(f.match().field("attribute_key")
                    .matching(Product.term(name, value))));
            all.filter(anyValue);
        });
        if ((criteria.minPaise() != null || criteria.maxPaise() != null) && excluded != Filter.PRICE) {
            all.filter(f.range().field("pricePaise").within(Range.between(criteria.minPaise(), RangeBoundInclusion.INCLUDED,
                    criteria.maxPaise(), RangeBoundInclusion.INCLUDED)));
        }
        if (criteria.inStock() != null && excluded != Filter.IN_STOCK) {
            all.filter(f.match().field("inStock").matching(criteria.inStock()));
        }
        return all;
    }

    /** A word of the shopper's text, and the categories it names ({@link ShelfNames}). */
    private record Word(String text, Set<Long> shelves) {
    }

    /** The text cut as the index is cut (at most {@value #MAX_TERMS} words), each with its shelves. */
    private List<Word> words(String text, List<Category> categories) {
        ShelfNames names = shelves;
        if (!names.describe(categories, otherShelfNames)) {
            names = ShelfNames.of(categories, otherShelfNames, analysis::stemsOf);
            shelves = names;
        }
        ShelfNames current = names;
        return analysis.wordsOf(text).stream().distinct().limit(MAX_TERMS)
                .map(word -> new Word(word, current.namedBy(analysis.stemsOf(word)))).toList();
    }

    /**
     * Every word must be found, in the name, brand, description, attributes (names and values) or
     * selling unit of the product, or name its shelf ({@link ShelfNames}): as written, within one
     * typo for words of 5–7 letters and two for longer ones, or as the start of a word (of the name
     * or brand). A word that names the product's shelf ranks it above products that only mention
     * the word ({@link #SHELF_BOOST}). A whole SKU or an exact phrase of the name ranks above
     * everything else. The text is never parsed as query syntax, so quotes, operators and markup
     * are only words (or nothing).
     */
    private static PredicateFinalStep text(SearchPredicateFactory f, String text, List<Word> words) {
        if (words.isEmpty()) {
            return f.matchNone();
        }
        BooleanPredicateClausesStep<?, ?> everyWord = f.bool().should(f.phrase().field("name")
                .matching(String.join(" ", words.stream().map(Word::text).toList())).boost(10));
        for (Word word : words) {
            int edits = word.text().length() < 5 ? 0 : word.text().length() < 8 ? 1 : 2;
            BooleanPredicateClausesStep<?, ?> oneWord = f.bool()
                    .should(f.match().field("name").boost(3).field("brand").boost(3).field("description")
                            .field("attribute_text").field("unit").matching(word.text()).boost(3))
                    .should(f.match().field("name_prefix").field("brand_prefix").matching(word.text()));
            if (edits > 0) {
                oneWord.should(f.match().field("name").field("brand").field("description").field("attribute_text")
                        .matching(word.text()).fuzzy(edits, 1));
            }
            if (!word.shelves().isEmpty()) {
                oneWord.should(f.terms().field("categoryId").matchingAny(word.shelves()).boost(SHELF_BOOST));
            }
            everyWord.must(oneWord);
        }
        return f.bool().should(f.match().field("sku").matching(text.trim()).boost(20)).should(everyWord);
    }

    private static SortFinalStep sort(SearchSortFactory f, Criteria criteria) {
        Order order = criteria.order() == Order.RELEVANCE && criteria.text() == null ? Order.NAME : criteria.order();
        return switch (order) {
            case RELEVANCE -> f.score().then().field("id_sort");
            case PRICE_ASC -> f.field("pricePaise").asc().then().field("id_sort");
            case PRICE_DESC -> f.field("pricePaise").desc().then().field("id_sort");
            case NEWEST -> f.field("createdAt").desc().then().field("id_sort");
            case NAME -> f.field("name_sort").asc().then().field("id_sort");
            // Best rated first as shoppers see it (one decimal place), more reviews first among equals, unrated last.
            case RATING -> f.field("ratingAverage").desc().missing().last().then().field("ratingCount").desc()
                    .then().field("id_sort");
        };
    }

    /** Category counts rolled up the tree: a parent counts the products of its children too. */
    static Map<Long, Long> rolledUp(Map<Long, Long> counts, List<Category> all) {
        Map<Long, Long> parents = new HashMap<>();
        all.forEach(category -> parents.put(category.id(), category.parentId()));
        Map<Long, Long> rolled = new HashMap<>();
        counts.forEach((id, count) -> {
            for (Long at = id; at != null; at = parents.get(at)) {
                rolled.merge(at, count, Long::sum);
            }
        });
        return rolled;
    }
}
