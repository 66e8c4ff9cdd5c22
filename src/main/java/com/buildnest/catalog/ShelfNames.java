package com.buildnest.catalog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which categories a shopper's word names, so that search finds and ranks products by their shelf
 * as well as by their own text. A word names a category when it is a word of the category's own
 * name ("wall": Wall Tiles, Wall Putty), or the whole name of a category above it ("steel":
 * Steel › TMT Bars; "tiles": Tiles › Vitrified Tiles). A department named for several things
 * lends its words to nothing under it: "cement" does not make Cement &amp; Concrete › Bricks a
 * match. Words are compared stemmed, as the index compares them ("tiles" is "tile").
 */
final class ShelfNames {

    /** What of a category plays a part: its place in the tree and its name. */
    private record Shelf(Long id, Long parentId, String name) {
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

    /** The names of {@code categories}, each cut into stems by {@code stems}. */
    static ShelfNames of(List<Category> categories, Function<String, List<String>> stems) {
        List<Shelf> tree = shelves(categories);
        Map<Long, Shelf> byId = new HashMap<>();
        Map<Long, List<String>> nameOf = new HashMap<>();
        tree.forEach(shelf -> {
            byId.put(shelf.id(), shelf);
            nameOf.put(shelf.id(), stems.apply(shelf.name()));
        });
        Map<Long, Set<String>> ownWords = new HashMap<>();
        Map<Long, Set<List<String>>> namesAbove = new HashMap<>();
        for (Shelf shelf : tree) {
            ownWords.put(shelf.id(), Set.copyOf(nameOf.get(shelf.id())));
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
    boolean describe(List<Category> categories) {
        return tree.equals(shelves(categories));
    }

    /** The categories that the word whose stems are {@code stems} names; none for a word without stems. */
    Set<Long> namedBy(List<String> stems) {
        Set<Long> ids = new TreeSet<>();
        if (stems.isEmpty()) {
            return ids;
        }
        ownWords.forEach((id, words) -> {
            if (words.containsAll(stems) || namesAbove.get(id).contains(stems)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static List<Shelf> shelves(List<Category> categories) {
        return categories.stream().map(c -> new Shelf(c.id(), c.parentId(), c.name()))
                .sorted(Comparator.comparing(Shelf::id)).toList();
    }
}
