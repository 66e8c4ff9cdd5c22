package com.buildnest.platform.migration;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.core.MySQLDatabase;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * Times every changeset Liquibase applies or rolls back and, before one is applied on MariaDB or
 * MySQL, probes how each of its statements would lock its table ({@link LockProbe}). Reports
 * progress as it goes.
 */
final class ChangesetTimings extends AbstractChangeExecListener {

    /** One changeset: how long it took and how its statements lock. */
    record Timing(String id, String author, String file, long millis, List<String> locks) {

        String tabSeparated() {
            return String.join("\t", id, author, file, Long.toString(millis),
                    locks.isEmpty() ? "-" : String.join("; ", locks)).replace("\n", " ");
        }
    }

    private final Connection probe;
    private final PrintStream progress;
    private final int expected;
    private final List<Timing> timings = new ArrayList<>();
    private List<String> locks = List.of();
    private long started;

    /** {@code probe} is a connection of its own for the lock probes, or null for none; {@code expected} -1 if unknown. */
    ChangesetTimings(Connection probe, PrintStream progress, int expected) {
        this.probe = probe;
        this.progress = progress;
        this.expected = expected;
    }

    List<Timing> timings() {
        return List.copyOf(timings);
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.RunStatus status) {
        locks = probe != null && database instanceof MySQLDatabase ? probeLocks(changeSet, database) : List.of();
        started = System.nanoTime();
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
        finished(changeSet, "applied");
    }

    @Override
    public void willRollback(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
        locks = List.of();
        started = System.nanoTime();
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
        finished(changeSet, "rolled back");
    }

    private void finished(ChangeSet changeSet, String what) {
        Timing timing = new Timing(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath(),
                (System.nanoTime() - started) / 1_000_000, locks);
        timings.add(timing);
        progress.printf(Locale.ROOT, "[%s] %s %s in %,d ms%s%n", timings.size() + (expected < 0 ? "" : "/" + expected),
                what, timing.id(),
                timing.millis(), locks.isEmpty() ? "" : " — " + String.join("; ", locks));
    }

    private List<String> probeLocks(ChangeSet changeSet, Database database) {
        Set<String> found = new LinkedHashSet<>(); // one line per table and finding
        Set<String> created = new LinkedHashSet<>(); // tables this changeset creates: nothing to lock yet
        for (Change change : changeSet.getChanges()) {
            if (change.generateStatementsVolatile(database)) {
                found.add(change.getSerializedObjectName() + " (not probed: its SQL depends on the data)");
                continue;
            }
            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
                String finding = LockProbe.of(probe, sql.toSql());
                String table = finding.substring(0, finding.indexOf(' '));
                if (finding.contains(LockProbe.NEW_TABLE)) {
                    created.add(table);
                } else if (!created.contains(table)) {
                    found.add(finding);
                }
            }
        }
        created.forEach(table -> found.add(table + " " + LockProbe.NEW_TABLE));
        return List.copyOf(found);
    }
}
