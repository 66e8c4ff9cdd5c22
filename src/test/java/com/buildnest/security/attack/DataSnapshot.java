package com.buildnest.security.attack;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The row count and an order-independent checksum of every table the application owns, to show a
 * request changed nothing. Works the same on H2 and MariaDB (plain {@code select *}, hashed here).
 */
final class DataSnapshot {

    /** A table's size and content hash. */
    record TableState(long rows, long checksum) {
    }

    private final JdbcTemplate jdbc;
    private final List<String> tables;
    private final Map<String, Set<String>> ignoredColumns;

    /**
     * @param ignored tables that change without requests
     * @param ignoredColumns per table, lowercase columns that a scheduled job keeps up to date on its own
     *        (so a request that adds or edits a row there still shows, but the job's bookkeeping does not)
     */
    DataSnapshot(DataSource dataSource, Set<String> ignored, Map<String, Set<String>> ignoredColumns) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tables = tablesOf(dataSource, ignored);
        this.ignoredColumns = ignoredColumns;
    }

    List<String> tables() {
        return tables;
    }

    Map<String, TableState> take() {
        Map<String, TableState> states = new TreeMap<>();
        for (String table : tables) {
            long[] state = new long[2];
            Set<String> skipped = ignoredColumns.getOrDefault(table, Set.of());
            jdbc.query("select * from " + table, (ResultSet row) -> {
                ResultSetMetaData columns = row.getMetaData();
                long hash = 17;
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    if (skipped.contains(columns.getColumnLabel(column).toLowerCase())) {
                        continue;
                    }
                    Object value = row.getObject(column);
                    hash = hash * 31 + (value instanceof byte[] bytes ? java.util.Arrays.hashCode(bytes)
                            : Objects.hashCode(value == null ? null : value.toString()));
                }
                state[0]++;
                state[1] += hash * 0x9E3779B97F4A7C15L; // a sum: independent of row order
            });
            states.put(table, new TableState(state[0], state[1]));
        }
        return states;
    }

    /** The tables whose state differs between two snapshots. */
    static Set<String> changed(Map<String, TableState> before, Map<String, TableState> after) {
        Set<String> changed = new TreeSet<>();
        before.forEach((table, state) -> {
            if (!state.equals(after.get(table))) {
                changed.add(table);
            }
        });
        return changed;
    }

    private static List<String> tablesOf(DataSource dataSource, Set<String> ignored) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet found = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] { "TABLE" })) {
                while (found.next()) {
                    String name = found.getString("TABLE_NAME").toLowerCase();
                    if (!ignored.contains(name)) {
                        names.add(name);
                    }
                }
            }
            return List.copyOf(new TreeSet<>(names));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
