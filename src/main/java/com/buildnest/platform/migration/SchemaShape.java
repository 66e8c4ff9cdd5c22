package com.buildnest.platform.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseList;

/**
 * The structure of a schema: tables with their columns, primary keys, indexes (unique or not) and
 * foreign keys, all in lower case. Built either from a changelog — by replaying, in order, every
 * changeset meant for the database's kind — or from a live database through JDBC metadata, so
 * the two can be compared: a changeset that forgets (or loses) an index, a column or a key shows
 * up as a difference.
 */
final class SchemaShape {

    /** Change types that leave tables, columns, keys and indexes as they are (data, types, defaults, tags). */
    private static final Set<String> NO_STRUCTURE = Set.of("insert", "update", "delete", "sql", "sqlFile",
            "loadData", "loadUpdateData", "modifyDataType", "addNotNullConstraint", "dropNotNullConstraint",
            "addDefaultValue", "dropDefaultValue", "tagDatabase", "empty", "output", "setColumnRemarks",
            "setTableRemarks", "customChange");

    private final Map<String, Set<String>> columns = new TreeMap<>();
    private final Map<String, String> primaryKeys = new TreeMap<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();

    record Index(String table, List<String> columns, boolean unique) {
        @Override
        public String toString() {
            return (unique ? "unique index " : "index ") + table + "(" + String.join(",", columns) + ")";
        }
    }

    record ForeignKey(String table, List<String> columns, String referencedTable, List<String> referencedColumns) {
        @Override
        public String toString() {
            return "foreign key " + table + "(" + String.join(",", columns) + ") -> " + referencedTable + "("
                    + String.join(",", referencedColumns) + ")";
        }
    }

    /** What the changelog builds on this kind of database (changesets for other databases are skipped). */
    static SchemaShape declaredBy(DatabaseChangeLog changeLog, Database database) {
        SchemaShape shape = new SchemaShape();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            if (!DatabaseList.definitionMatches(changeSet.getDbmsSet(), database, true)) {
                continue;
            }
            for (Change change : changeSet.getChanges()) {
                shape.apply(change, changeSet);
            }
        }
        return shape;
    }

    /** What the connected database holds (Liquibase's own tables left out). */
    static SchemaShape of(Connection connection) throws SQLException {
        SchemaShape shape = new SchemaShape();
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet result = meta.getTables(catalog, schema, null, new String[] { "TABLE" })) {
            while (result.next()) {
                String table = result.getString("TABLE_NAME");
                if (!lower(table).startsWith("databasechangelog")) {
                    tables.add(table);
                }
            }
        }
        for (String exact : tables) {
            String table = lower(exact);
            Set<String> tableColumns = shape.columns.computeIfAbsent(table, t -> new TreeSet<>());
            try (ResultSet result = meta.getColumns(catalog, schema, exact, null)) {
                while (result.next()) {
                    tableColumns.add(lower(result.getString("COLUMN_NAME")));
                }
            }
            Map<Short, String> key = new TreeMap<>();
            try (ResultSet result = meta.getPrimaryKeys(catalog, schema, exact)) {
                while (result.next()) {
                    key.put(result.getShort("KEY_SEQ"), lower(result.getString("COLUMN_NAME")));
                }
            }
            if (!key.isEmpty()) {
                shape.primaryKeys.put(table, String.join(",", key.values()));
            }
            Map<String, TreeMap<Short, String>> indexColumns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet result = meta.getIndexInfo(catalog, schema, exact, false, false)) {
                while (result.next()) {
                    String name = result.getString("INDEX_NAME");
                    if (name != null) {
                        indexColumns.computeIfAbsent(lower(name), n -> new TreeMap<>())
                                .put(result.getShort("ORDINAL_POSITION"), lower(result.getString("COLUMN_NAME")));
                        unique.put(lower(name), !result.getBoolean("NON_UNIQUE"));
                    }
                }
            }
            indexColumns.forEach((name, ordered) -> {
                Index index = new Index(table, List.copyOf(ordered.values()), unique.get(name));
                if (!(index.unique() && String.join(",", index.columns()).equals(shape.primaryKeys.get(table)))) {
                    shape.indexes.put(name, index); // not the index behind the primary key
                }
            });
            Map<String, TreeMap<Short, String[]>> keys = new TreeMap<>();
            try (ResultSet result = meta.getImportedKeys(catalog, schema, exact)) {
                while (result.next()) {
                    keys.computeIfAbsent(lower(result.getString("FK_NAME")), n -> new TreeMap<>())
                            .put(result.getShort("KEY_SEQ"), new String[] { lower(result.getString("FKCOLUMN_NAME")),
                                    lower(result.getString("PKTABLE_NAME")), lower(result.getString("PKCOLUMN_NAME")) });
                }
            }
            keys.forEach((name, parts) -> shape.foreignKeys.put(name, new ForeignKey(table,
                    parts.values().stream().map(p -> p[0]).toList(), parts.firstEntry().getValue()[1],
                    parts.values().stream().map(p -> p[2]).toList())));
        }
        return shape;
    }

    /**
     * How {@code actual} differs from this (expected) shape, one line per difference; empty when
     * they agree. An index the database added on its own to back a foreign key (InnoDB and H2 do)
     * is not a difference.
     */
    List<String> differencesFrom(SchemaShape actual) {
        Set<String> expected = describe();
        Set<String> found = actual.describe();
        List<String> differences = new ArrayList<>();
        expected.stream().filter(item -> !found.contains(item)).forEach(item -> differences.add("missing: " + item));
        Set<String> backingForeignKeys = new TreeSet<>();
        actual.foreignKeys.values().forEach(key -> backingForeignKeys.add(new Index(key.table(), key.columns(), false)
                .toString()));
        found.stream().filter(item -> !expected.contains(item) && !backingForeignKeys.contains(item))
                .forEach(item -> differences.add("unexpected: " + item));
        return differences;
    }

    /** Every table, column, key, index and foreign key as a line of text (indexes and keys by their columns). */
    Set<String> describe() {
        Set<String> items = new TreeSet<>();
        columns.forEach((table, names) -> {
            items.add("table " + table);
            names.forEach(column -> items.add("column " + table + "." + column));
        });
        primaryKeys.forEach((table, key) -> items.add("primary key " + table + "(" + key + ")"));
        indexes.values().forEach(index -> items.add(index.toString()));
        foreignKeys.values().forEach(key -> items.add(key.toString()));
        return items;
    }

    /** How much the shape holds, for a report. */
    String summary() {
        return String.format(Locale.ROOT, "%d tables, %d columns, %d primary keys, %d indexes, %d foreign keys",
                columns.size(), columns.values().stream().mapToInt(Set::size).sum(), primaryKeys.size(), indexes.size(),
                foreignKeys.size());
    }

    private void apply(Change change, ChangeSet changeSet) {
        if (change instanceof CreateTableChange create) {
            String table = lower(create.getTableName());
            columns.put(table, new TreeSet<>());
            addColumns(table, create.getColumns());
        } else if (change instanceof AddColumnChange add) {
            addColumns(lower(add.getTableName()), add.getColumns());
        } else if (change instanceof DropColumnChange drop) {
            String table = lower(drop.getTableName());
            List<String> dropped = drop.getColumnName() != null ? List.of(lower(drop.getColumnName()))
                    : drop.getColumns().stream().map(c -> lower(c.getName())).toList();
            dropped.forEach(column -> dropColumn(table, column));
        } else if (change instanceof RenameColumnChange rename) {
            renameColumn(lower(rename.getTableName()), lower(rename.getOldColumnName()),
                    lower(rename.getNewColumnName()));
        } else if (change instanceof RenameTableChange rename) {
            renameTable(lower(rename.getOldTableName()), lower(rename.getNewTableName()));
        } else if (change instanceof DropTableChange drop) {
            String table = lower(drop.getTableName());
            columns.remove(table);
            primaryKeys.remove(table);
            indexes.values().removeIf(index -> index.table().equals(table));
            foreignKeys.values().removeIf(key -> key.table().equals(table));
        } else if (change instanceof AddPrimaryKeyChange key) {
            primaryKeys.put(lower(key.getTableName()), String.join(",", names(key.getColumnNames())));
        } else if (change instanceof AddUniqueConstraintChange unique) {
            indexes.put(nameOr(unique.getConstraintName(), unique.getColumnNames()),
                    new Index(lower(unique.getTableName()), names(unique.getColumnNames()), true));
        } else if (change instanceof DropUniqueConstraintChange drop) {
            indexes.remove(lower(drop.getConstraintName()));
        } else if (change instanceof CreateIndexChange create) {
            indexes.put(lower(create.getIndexName()), new Index(lower(create.getTableName()),
                    create.getColumns().stream().map(c -> lower(c.getName())).toList(),
                    Boolean.TRUE.equals(create.isUnique())));
        } else if (change instanceof DropIndexChange drop) {
            indexes.remove(lower(drop.getIndexName()));
        } else if (change instanceof AddForeignKeyConstraintChange key) {
            foreignKeys.put(lower(key.getConstraintName()), new ForeignKey(lower(key.getBaseTableName()),
                    names(key.getBaseColumnNames()), lower(key.getReferencedTableName()),
                    names(key.getReferencedColumnNames())));
        } else if (change instanceof DropForeignKeyConstraintChange drop) {
            foreignKeys.remove(lower(drop.getConstraintName()));
        } else if (!NO_STRUCTURE.contains(change.getSerializedObjectName())) {
            throw new IllegalStateException("changeset " + changeSet.getId() + " uses '"
                    + change.getSerializedObjectName() + "', whose effect on the schema the migration verifier"
                    + " does not know yet; teach SchemaShape about it");
        }
    }

    private void addColumns(String table, List<? extends ColumnConfig> added) {
        for (ColumnConfig column : added) {
            String name = lower(column.getName());
            columns.computeIfAbsent(table, t -> new TreeSet<>()).add(name);
            ConstraintsConfig constraints = column.getConstraints();
            if (constraints == null) {
                continue;
            }
            if (Boolean.TRUE.equals(constraints.isPrimaryKey())) {
                primaryKeys.merge(table, name, (first, next) -> first + "," + next);
            }
            if (Boolean.TRUE.equals(constraints.isUnique())) {
                indexes.put(nameOr(constraints.getUniqueConstraintName(), name), new Index(table, List.of(name), true));
            }
            if (constraints.getForeignKeyName() != null) {
                String referencedTable = constraints.getReferencedTableName();
                String referencedColumns = constraints.getReferencedColumnNames();
                if (constraints.getReferences() != null) { // "table(column)"
                    String references = constraints.getReferences();
                    referencedTable = references.substring(0, references.indexOf('('));
                    referencedColumns = references.substring(references.indexOf('(') + 1, references.indexOf(')'));
                }
                foreignKeys.put(lower(constraints.getForeignKeyName()), new ForeignKey(table, List.of(name),
                        lower(referencedTable.strip()), names(referencedColumns)));
            }
        }
    }

    private void dropColumn(String table, String column) {
        Set<String> tableColumns = columns.get(table);
        if (tableColumns != null) {
            tableColumns.remove(column);
        }
        // The database drops the column out of every index; an index left with no column goes.
        indexes.replaceAll((name, index) -> index.table().equals(table) ? new Index(table,
                index.columns().stream().filter(c -> !c.equals(column)).toList(), index.unique()) : index);
        indexes.values().removeIf(index -> index.columns().isEmpty());
    }

    private void renameColumn(String table, String from, String to) {
        Set<String> tableColumns = columns.get(table);
        if (tableColumns != null && tableColumns.remove(from)) {
            tableColumns.add(to);
        }
        indexes.replaceAll((name, index) -> index.table().equals(table) ? new Index(table,
                index.columns().stream().map(c -> c.equals(from) ? to : c).toList(), index.unique()) : index);
        foreignKeys.replaceAll((name, key) -> key.table().equals(table) ? new ForeignKey(table,
                key.columns().stream().map(c -> c.equals(from) ? to : c).toList(), key.referencedTable(),
                key.referencedColumns()) : key);
    }

    private void renameTable(String from, String to) {
        Set<String> tableColumns = columns.remove(from);
        if (tableColumns != null) {
            columns.put(to, tableColumns);
        }
        String key = primaryKeys.remove(from);
        if (key != null) {
            primaryKeys.put(to, key);
        }
        indexes.replaceAll((name, index) -> index.table().equals(from) ? new Index(to, index.columns(),
                index.unique()) : index);
        foreignKeys.replaceAll((name, fk) -> new ForeignKey(fk.table().equals(from) ? to : fk.table(), fk.columns(),
                fk.referencedTable().equals(from) ? to : fk.referencedTable(), fk.referencedColumns()));
    }

    private static String nameOr(String name, String fallback) {
        return lower(name != null ? name : fallback);
    }

    private static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(name -> lower(name.strip())).toList();
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
