package com.buildnest.datagen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a step works with: the options, the data of earlier steps, its own random numbers (seeded
 * from the seed and the step's name, so one step's data does not change when another step draws
 * more numbers), the fixed "now" of generated data, and one connection inside the step's
 * transaction.
 */
final class StepContext {

    /**
     * The moment generated data is "as of": a fixed instant rather than the clock, so a seed gives
     * the same rows on every run.
     */
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    final GenerationOptions options;
    final GeneratedData data;
    final SplittableRandom random;
    private final Connection connection;
    private final Progress progress;
    private final Map<String, Long> rowsWritten;

    StepContext(String step, GenerationOptions options, GeneratedData data, Connection connection, Progress progress,
            Map<String, Long> rowsWritten) {
        this.options = options;
        this.data = data;
        this.random = new SplittableRandom(options.seed() * 1_000_003L + step.hashCode());
        this.connection = connection;
        this.progress = progress;
        this.rowsWritten = rowsWritten;
    }

    /** A writer of multi-row inserts into {@code table}; close it to write the last rows. */
    BatchInsert insert(String table, String... columns) {
        return new BatchInsert(connection, table, List.of(columns), rowsWritten);
    }

    /** Ids of the rows whose unique {@code keyColumn} has one of {@code keys}, by key. */
    Map<String, Long> idsByKey(String table, String keyColumn, List<String> keys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        String sql = "SELECT id, " + keyColumn + " FROM " + table + " WHERE " + keyColumn + " IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                select.setString(i + 1, keys.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(2), rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The single number a query such as {@code SELECT COUNT(*) …} answers. */
    long number(String sql) throws SQLException {
        return DataGenerator.number(connection, sql);
    }

    Connection connection() {
        return connection;
    }

    /** Reports {@code units} more of the step's units done. */
    void advance(long units) {
        progress.advance(units);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    long between(long min, long max) {
        return min + random.nextLong(max - min + 1);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** An index into {@code percents} (which add up to 100), each as often as its percentage. */
    int weighted(int... percents) {
        int roll = random.nextInt(100);
        for (int i = 0; i < percents.length; i++) {
            roll -= percents[i];
            if (roll < 0) {
                return i;
            }
        }
        return percents.length - 1;
    }

    /** True with the given probability. */
    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }
}
