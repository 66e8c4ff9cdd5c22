package com.buildnest.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Which categories a shopper's word names, so that search finds and ranks products by their shelf
 * as well as by their own text. A word names a category when it is a word of the category's own
 * name ("wall": Wall Tiles, Wall Putty), or the whole name of a category above it ("steel":
 * Steel › TMT Bars; "tiles": Tiles › Vitrified Tiles). A department named for several things
 * lends its words to nothing under it: "cement" does not make Cement &amp; Concrete › Bricks a
 * match. A shelf also answers to the other names the trade gives it ({@code catalog/shelf-words.tsv}:
 * "sariya" is TMT Bars, "gitti" Aggregates). Words are compared stemmed, as the index compares them
 * ("tiles" is "tile"); a word that names no shelf as written names those within the typos a
 * product's text allows (one for 5–7 letters, two for more: "cemnt" is Cement).
 */
final class ShelfNames {

    /** What of a category plays a part: its place in the tree, its name and its other names. */
    private record Shelf(Long id, Long parentId, String name, List<String> otherNames) {
    }

    private final List<Shelf> tree;
    private final Map<Long, Set<String>> ownWords;
    private final Map<Long, Set<List<String>>> namesAbove;

    private ShelfNames(List<Shelf> tree, Map<Long, Set<String>> ownWords, Map<Long, Set<List<String>>> namesAbove) {
        this.tree = tree;
        this.ownWords = ownWords;
        this.namesAbove = namesAbove;
    }

    static final ShelfNames NONE = new ShelfNames(List.of(), Map.of(), Map.of());

    /**
     * The other names of the shop's shelves, by category slug, as {@code catalog/shelf-words.tsv}
     * gives them: trade names in Hindi and other Indian languages written in Latin letters, and short
     * forms (a slug the shop does not have names nothing).
     */
    static Map<String, List<String>> otherNames() {
        try {
            Map<String, List<String>> bySlug = new HashMap<>();
            CatalogTables.rows("catalog/shelf-words.tsv", 2)
                    .forEach(row -> bySlug.put(row[0].strip(), List.of(row[1].strip().split("\\s+"))));
            return Map.copyOf(bySlug);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog/shelf-words.tsv cannot be read", e);
        }
    }

    /**
     * The names of {@code categories}, each cut into stems by {@code stems}; {@code otherNames}
     * are the words each slug also answers to.
     */
    static ShelfNames of(List<Category> categories, Map<String, List<String>> otherNames,
            Function<String, List<String>> stems) {
        List<Shelf> tree = shelves(categories, otherNames);
        Map<Long, Shelf> byId = new HashMap<>();
        Map<Long, List<String>> nameOf = new HashMap<>();
        tree.forEach(shelf -> {
            byId.put(shelf.id(), shelf);
            nameOf.put(shelf.id(), stems.apply(shelf.name()));
        });
        Map<Long, Set<String>> ownWords = new HashMap<>();
        Map<Long, Set<List<String>>> namesAbove = new HashMap<>();
        for (Shelf shelf : tree) {
            Set<String> own = new HashSet<>(nameOf.get(shelf.id()));
            shelf.otherNames().forEach(name -> own.addAll(stems.apply(name)));
            ownWords.put(shelf.id(), Set.copyOf(own));
            Set<List<String>> above = new HashSet<>();
            // bounded by the number of categories, so a cycle written by hand cannot loop for ever
            Shelf at = shelf.parentId() == null ? null : byId.get(shelf.parentId());
            for (int depth = 0; at != null && depth < tree.size(); depth++) {
                above.add(nameOf.get(at.id()));
                at = at.parentId() == null ? null : byId.get(at.parentId());
            }
            namesAbove.put(shelf.id(), Set.copyOf(above));
        }
        return new ShelfNames(tree, Map.copyOf(ownWords), Map.copyOf(namesAbove));
    }

    /** Whether these are the names of {@code categories} as they are now (names and parents compared). */
    boolean describe(List<Category> categories, Map<String, List<String>> otherNames) {
        return tree.equals(shelves(categories, otherNames));
    }

    /**
     * The categories that the word whose stems are {@code stems} names: as written, or else
     * within the typos allowed for its length; none for a word without stems.
     */
    Set<Long> namedBy(List<String> stems) {
        Set<Long> ids = named(stems, stems::equals, words -> words.containsAll(stems));
        if (!ids.isEmpty() || stems.size() != 1 || stems.get(0).length() < 5) {
            return ids;
        }
        String stem = stems.get(0);
        CharacterRunAutomaton typo = new CharacterRunAutomaton(
                new LevenshteinAutomata(stem, true).toAutomaton(stem.length() < 8 ? 1 : 2));
        return named(stems, name -> name.size() == 1 && typo.run(name.get(0)),
                words -> words.stream().anyMatch(typo::run));
    }

    private Set<Long> named(List<String> stems, Predicate<List<String>> wholeNameAbove, Predicate<Set<String>> ownName) {
        Set<Long> ids = new TreeSet<>();
        if (stems.isEmpty()) {
            return ids;
        }
        ownWords.forEach((id, words) -> {
            if (ownName.test(words) || namesAbove.get(id).stream().anyMatch(wholeNameAbove)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static List<Shelf> shelves(List<Category> categories, Map<String, List<String>> otherNames) {
        return categories.stream()
                .map(c -> new Shelf(c.id(), c.parentId(), c.name(), otherNames.getOrDefault(c.slug(), List.of())))
                .sorted(Comparator.comparing(Shelf::id)).toList();
    }
}
