package com.buildnest.datagen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The generator's word lists in {@code src/main/resources/datagen/*.tsv}: a header line, then rows. */
final class TabSeparated {

    private TabSeparated() {
    }

    /** The rows after the header of {@code datagen/<name>}, each with exactly {@code columns} fields. */
    static List<String[]> rows(String name, int columns) {
        String resource = "datagen/" + name;
        InputStream stream = TabSeparated.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " fields in: " + line);
                }
                return fields;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code "a|b|c"} as a list; empty for an empty field. */
    static List<String> list(String field, String separator) {
        return field.isEmpty() ? List.of() : List.of(field.split(java.util.regex.Pattern.quote(separator)));
    }
}
