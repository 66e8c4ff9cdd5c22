package com.buildnest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.ScratchDatabase;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The changelog on the database the suite runs against (MariaDB under .ci/run), in a scratch
 * database of its own: every changeset rolls back, the schema comes back identically, and it is
 * the same schema that the embedded H2 default gets.
 */
@BuildNestTest
class DatabaseMigrationTests {

    static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.yaml";

    @Autowired
    Environment environment;

    @Test
    void everyChangesetRollsBackToTheEmptyTagAndAppliesAgain() throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            try (Connection connection = scratch.connect()) {
                Liquibase liquibase = liquibase(connection);
                liquibase.update(new Contexts(), new LabelExpression());
                Map<String, String> applied = SchemaSnapshot.of(connection);
                assertThat(applied).containsKeys("table catalog_product", "table customer_account");

                liquibase.rollback("empty", new Contexts(), new LabelExpression());
                assertThat(SchemaSnapshot.of(connection)).as("nothing of BuildNest is left after the rollback")
                        .isEmpty();

                liquibase.update(new Contexts(), new LabelExpression());
                assertThat(SchemaSnapshot.of(connection)).isEqualTo(applied);
            }
        }
    }

    @Test
    void productionDatabaseGetsTheSameSchemaAsTheEmbeddedDefault() throws Exception {
        assumeTrue(!environment.getRequiredProperty("spring.datasource.url").startsWith("jdbc:h2:"),
                "runs when the suite is pointed at MariaDB or MySQL (as .ci/run does)");
        try (ScratchDatabase production = ScratchDatabase.beside(environment);
                Connection productionConnection = production.connect();
                Connection h2 = DriverManager.getConnection(
                        "jdbc:h2:mem:parity-" + UUID.randomUUID() + ";MODE=MariaDB", "sa", "")) {
            liquibase(productionConnection).update(new Contexts(), new LabelExpression());
            liquibase(h2).update(new Contexts(), new LabelExpression());
            assertThat(SchemaSnapshot.of(productionConnection)).isEqualTo(SchemaSnapshot.of(h2));
        }
    }

    private static Liquibase liquibase(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return new Liquibase(MASTER_CHANGELOG, new ClassLoaderResourceAccessor(), database);
    }

    /**
     * The schema as a map from each table, column, key, index and foreign key to a normalised
     * description, comparable across H2 and MariaDB (whose type names differ for the same type).
     */
    static final class SchemaSnapshot {

        private static final Pattern H2_FOREIGN_KEY_INDEX = Pattern.compile("FK_.*_INDEX_[0-9A-Z]+");

        static Map<String, String> of(Connection connection) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            Map<String, String> snapshot = new TreeMap<>();
            for (String table : tables(meta, catalog, schema)) {
                snapshot.put("table " + table, "");
                try (ResultSet columns = meta.getColumns(catalog, schema, exact(meta, table), null)) {
                    while (columns.next()) {
                        snapshot.put("column " + table + "." + lower(columns.getString("COLUMN_NAME")),
                                type(columns) + (columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                                        ? " not null" : " null"));
                    }
                }
                List<String> primaryKey = new ArrayList<>();
                try (ResultSet keys = meta.getPrimaryKeys(catalog, schema, exact(meta, table))) {
                    while (keys.next()) {
                        primaryKey.add(keys.getShort("KEY_SEQ") + ":" + lower(keys.getString("COLUMN_NAME")));
                    }
                }
                snapshot.put("primary key " + table, String.join(",", new TreeSet<>(primaryKey)));
                Map<String, TreeMap<Short, String>> indexes = new TreeMap<>();
                Map<String, Boolean> unique = new TreeMap<>();
                try (ResultSet index = meta.getIndexInfo(catalog, schema, exact(meta, table), false, false)) {
                    while (index.next()) {
                        String name = index.getString("INDEX_NAME");
                        if (name == null || name.equalsIgnoreCase("PRIMARY")
                                || name.toUpperCase(Locale.ROOT).startsWith("PRIMARY_KEY")
                                || H2_FOREIGN_KEY_INDEX.matcher(name).matches()) {
                            continue; // the key itself, or an index H2 adds on its own for a foreign key
                        }
                        indexes.computeIfAbsent(lower(name), k -> new TreeMap<>())
                                .put(index.getShort("ORDINAL_POSITION"), lower(index.getString("COLUMN_NAME")));
                        unique.put(lower(name), !index.getBoolean("NON_UNIQUE"));
                    }
                }
                indexes.forEach((name, columns) -> snapshot.put("index " + table + "(" + String.join(",",
                        columns.values()) + ")", unique.get(name) ? "unique" : "non-unique"));
                try (ResultSet foreign = meta.getImportedKeys(catalog, schema, exact(meta, table))) {
                    while (foreign.next()) {
                        snapshot.put("foreign key " + lower(foreign.getString("FK_NAME")),
                                table + "." + lower(foreign.getString("FKCOLUMN_NAME")) + " -> "
                                        + lower(foreign.getString("PKTABLE_NAME")) + "."
                                        + lower(foreign.getString("PKCOLUMN_NAME")));
                    }
                }
            }
            return snapshot;
        }

        private static Set<String> tables(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
            Set<String> tables = new TreeSet<>();
            try (ResultSet result = meta.getTables(catalog, schema, null, new String[] { "TABLE" })) {
                while (result.next()) {
                    String table = lower(result.getString("TABLE_NAME"));
                    if (!table.startsWith("databasechangelog")) {
                        tables.add(table);
                    }
                }
            }
            return tables;
        }

        /** H2 keeps unquoted names upper-case, MariaDB as written. */
        private static String exact(DatabaseMetaData meta, String table) throws SQLException {
            return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        }

        private static String type(ResultSet column) throws SQLException {
            String name = column.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
            int size = column.getInt("COLUMN_SIZE");
            int digits = column.getInt("DECIMAL_DIGITS");
            if (name.contains("char")) {
                return "varchar(" + size + ")";
            }
            if (name.equals("boolean") || name.equals("bit") || name.equals("tinyint") && size <= 1) {
                return "boolean";
            }
            if (name.startsWith("timestamp") || name.startsWith("datetime")) {
                // Connector/J reports DATETIME(6) as size 26 with 0 digits; H2 as 26 with 6. The size agrees.
                return "timestamp(" + Math.max(0, size - 20) + ")";
            }
            if (name.startsWith("decimal") || name.startsWith("numeric")) {
                return "decimal(" + size + "," + digits + ")";
            }
            if (name.startsWith("int")) {
                return "int";
            }
            return name;
        }

        private static String lower(String name) {
            return name == null ? null : name.toLowerCase(Locale.ROOT);
        }
    }
}
