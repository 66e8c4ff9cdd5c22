package com.buildnest.platform.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a DDL statement would lock its table on MariaDB or MySQL, found by trying it for real on an
 * empty copy of the table ({@code CREATE TABLE … LIKE}, same definition, no rows) with the least
 * disruptive algorithm first: {@code INSTANT} (metadata only), then {@code INPLACE, LOCK=NONE}
 * (online: reads and writes go on), {@code INPLACE, LOCK=SHARED} (writes wait for the whole
 * change), then {@code COPY} (the table is rebuilt, writes wait). The server decides which
 * algorithms an operation supports from the operation and the table definition, not from the rows,
 * so the empty copy answers for the real table; the probe takes milliseconds and runs on its own
 * connection just before the changeset.
 */
final class LockProbe {

    static final String PROBE_TABLE = "migtest_lock_probe";
    static final String NEW_TABLE = "new table: locks nothing that exists";

    private static final Pattern ALTER = Pattern.compile("^ALTER\\s+TABLE\\s+([`\\w.]+)\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+([`\\w]+)\\s+ON\\s+([`\\w.]+)\\s*(\\(.*\\))\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FIRST_TABLE = Pattern.compile(
            "^(?:CREATE\\s+TABLE|DROP\\s+TABLE|INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([`\\w.]+)",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> ALGORITHMS = List.of("ALGORITHM=INSTANT", "ALGORITHM=INPLACE, LOCK=NONE",
            "ALGORITHM=INPLACE, LOCK=SHARED", "ALGORITHM=COPY");

    private LockProbe() {
    }

    /** One line saying how {@code sql} locks (or what it is, when it is not an ALTER of an existing table). */
    static String of(Connection probe, String sql) {
        String statement = sql.strip();
        Matcher alter = ALTER.matcher(statement);
        if (alter.matches()) {
            return table(alter.group(1)) + " " + tryOnCopy(probe, table(alter.group(1)),
                    "ALTER TABLE " + PROBE_TABLE + " " + alter.group(2) + ", ");
        }
        Matcher index = CREATE_INDEX.matcher(statement);
        if (index.matches()) {
            return table(index.group(3)) + " " + tryOnCopy(probe, table(index.group(3)), "ALTER TABLE " + PROBE_TABLE
                    + " ADD " + (index.group(1) == null ? "" : "UNIQUE ") + "INDEX " + index.group(2) + " "
                    + index.group(4) + ", ");
        }
        Matcher other = FIRST_TABLE.matcher(statement);
        String verb = statement.split("\\s+")[0].toUpperCase(Locale.ROOT);
        String table = other.find() ? table(other.group(1)) : "";
        return switch (verb) {
            case "CREATE" -> table + " " + NEW_TABLE;
            case "DROP" -> table + " dropped: brief metadata lock";
            case "INSERT", "UPDATE", "DELETE" -> table + " data change: row locks on the rows it touches";
            default -> verb + " (not probed)";
        };
    }

    private static String tryOnCopy(Connection probe, String table, String alterPrefix) {
        try (Statement statement = probe.createStatement()) {
            if (!exists(probe, table)) {
                return NEW_TABLE; // created earlier in the same changeset
            }
            statement.execute("DROP TABLE IF EXISTS " + PROBE_TABLE);
            statement.execute("CREATE TABLE " + PROBE_TABLE + " LIKE " + table);
            String refused = "";
            try {
                for (String algorithm : ALGORITHMS) {
                    try {
                        statement.execute(alterPrefix + algorithm);
                        return meaning(algorithm);
                    } catch (SQLException notSupported) {
                        refused = notSupported.getMessage();
                    }
                }
                return "not probed: " + refused;
            } finally {
                statement.execute("DROP TABLE IF EXISTS " + PROBE_TABLE);
            }
        } catch (SQLException e) {
            return "not probed: " + e.getMessage();
        }
    }

    private static boolean exists(Connection probe, String table) throws SQLException {
        try (PreparedStatement query = probe.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String meaning(String algorithm) {
        return switch (algorithm) {
            case "ALGORITHM=INSTANT" -> "INSTANT (metadata only: no rebuild, writes go on)";
            case "ALGORITHM=INPLACE, LOCK=NONE" -> "INPLACE, LOCK=NONE (online: reads and writes go on)";
            case "ALGORITHM=INPLACE, LOCK=SHARED" -> "INPLACE, LOCK=SHARED (WRITES BLOCKED while it runs)";
            default -> "COPY (table rebuilt, WRITES BLOCKED while it runs)";
        };
    }

    private static String table(String reference) {
        String name = reference.replace("`", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
