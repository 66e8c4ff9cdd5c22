package com.buildnest.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/** The tab-separated tables the catalogue ships with (the demo catalogue, the shelves' other names). */
final class CatalogTables {

    private CatalogTables() {
    }

    /** The rows after the header of the classpath {@code resource}, each with exactly {@code columns} fields. */
    static List<String[]> rows(String resource, int columns) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " fields in: " + line);
                }
                return fields;
            }).toList();
        }
    }
}
