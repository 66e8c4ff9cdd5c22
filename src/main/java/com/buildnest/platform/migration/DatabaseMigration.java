package com.buildnest.platform.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.spring.SpringResourceAccessor;

/**
 * The {@code migrate} mode of the application jar ({@code java -jar buildnest.jar migrate …}):
 * Liquibase's update, tag and rollback with each changeset timed and its locks probed, and a
 * schema check. Runs without starting the shop. Exit codes: 0 done, 1 failed or the schema
 * differs, 2 bad arguments, 3 refused.
 */
public final class DatabaseMigration {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int REFUSED = 3;

    /** Named exactly as {@code spring.liquibase.change-log} names it, so both record the same file paths. */
    static final String MASTER_CHANGELOG = "classpath:db/changelog/db.changelog-master.yaml";

    static final String USAGE = """
            Usage: java -jar buildnest.jar migrate COMMAND [--timings=FILE] [--skip-entities]
              status         lists the changesets not applied yet
              update         applies them, each one timed; on MariaDB/MySQL each statement is first tried
                             on an empty copy of its table to find how it locks (INSTANT, INPLACE with
                             LOCK=NONE or SHARED, or COPY)
              tag NAME       tags the database as it is now (the release running now: its rollback point)
              rollback TAG   rolls back every changeset applied after TAG, each one timed
              verify         the schema holds exactly the tables, columns, keys, indexes and foreign keys
                             the changelog declares, and every entity validates against it (Hibernate)
              --timings=FILE (update, rollback) one tab-separated line per changeset:
                             id, author, file, milliseconds, how its statements lock
              --skip-entities (verify) leave out the Hibernate check
              session        reads commands from standard input, one a line (each as above, say
                             "rollback v1.4.0 --timings=rollback.tsv"), runs them one after the other in
                             this one process (Liquibase and Hibernate load once) and after each prints
                             "migrate session: exit N"; ends at the end of the input
            The database comes from SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and
            SPRING_DATASOURCE_PASSWORD (environment only, so a password never shows on a command line).
            Exit codes: 0 done, 1 failed or the schema differs, 2 bad arguments, 3 refused.
            """;

    private static final String MODE = "migrate";

    private static final String SESSION = "session";

    /** What a session prints after each command, followed by its exit code. */
    static final String SESSION_EXIT = "migrate session: exit ";

    /** Held so the setting outlives garbage collection: Liquibase's INFO lines would drown the progress. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    private DatabaseMigration() {
    }

    /** Whether the command line asks for this mode: its first argument is {@code migrate}. */
    public static boolean isRequested(String... arguments) {
        return arguments.length > 0 && arguments[0].equals(MODE);
    }

    /** Runs the mode with the whole command line ({@code migrate …}); returns the exit code. */
    public static int run(String... arguments) {
        // Only progress and findings on the console: Liquibase's INFO lines and summary table, and the
        // driver's warning about each algorithm the lock probe finds refused (an expected answer), go.
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
        System.setProperty("liquibase.showSummaryOutput", "LOG");
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger("org.mariadb.jdbc").setLevel(Level.ERROR);
        }
        List<String> rest = Arrays.asList(arguments).subList(1, arguments.length);
        if (rest.equals(List.of(SESSION))) {
            return session(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.getenv(),
                    System.out, System.err);
        }
        return run(rest, System.getenv(), System.out, System.err);
    }

    /**
     * Runs one command a line until the input ends, each answered with {@value #SESSION_EXIT} and its
     * exit code, so a script drives a whole rehearsal (update, verify, tag, rollback, update) with one
     * JVM start and Liquibase's and Hibernate's classes loaded once. 0 when every command succeeded.
     */
    static int session(BufferedReader in, Map<String, String> environment, PrintStream out, PrintStream err) {
        int worst = DONE;
        for (String line = readLine(in, err); line != null; line = readLine(in, err)) {
            if (line.isBlank()) {
                continue;
            }
            List<String> command = List.of(line.trim().split("\\s+"));
            int code;
            if (command.contains(SESSION)) {
                err.println("migrate session: a session runs the other commands, not another session");
                code = BAD_ARGUMENTS;
            } else {
                code = run(command, environment, out, err);
            }
            worst = code == DONE ? worst : FAILED;
            out.println(SESSION_EXIT + code);
            out.flush();
        }
        return worst;
    }

    private static String readLine(BufferedReader in, PrintStream err) {
        try {
            return in.readLine();
        } catch (IOException e) {
            err.println("migrate session: cannot read the next command: " + e);
            return null;
        }
    }

    static int run(List<String> arguments, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            out.print(USAGE);
            return arguments.isEmpty() ? BAD_ARGUMENTS : DONE;
        }
        List<String> words = new ArrayList<>();
        Path timingsFile = null;
        boolean skipEntities = false;
        for (String argument : arguments) {
            if (argument.startsWith("--timings=")) {
                timingsFile = Path.of(argument.substring("--timings=".length()));
            } else if (argument.equals("--skip-entities")) {
                skipEntities = true;
            } else if (argument.startsWith("-")) {
                err.println("migrate: unknown option " + argument + " (see --help)");
                return BAD_ARGUMENTS;
            } else {
                words.add(argument);
            }
        }
        String command = words.isEmpty() ? "" : words.get(0);
        int expectedWords = command.equals("tag") || command.equals("rollback") ? 2 : 1;
        if (!List.of("status", "update", "tag", "rollback", "verify").contains(command) || words.size() != expectedWords) {
            err.println("migrate: expected one of status, update, tag NAME, rollback TAG, verify (see --help), not "
                    + String.join(" ", words));
            return BAD_ARGUMENTS;
        }
        String url = environment.get("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            err.println("migrate: set SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME, _PASSWORD)");
            return BAD_ARGUMENTS;
        }
        Path timings = timingsFile;
        String[] entityCheck = skipEntities ? null : new String[] { url, environment.getOrDefault(
                "SPRING_DATASOURCE_USERNAME", ""), environment.getOrDefault("SPRING_DATASOURCE_PASSWORD", "") };
        String username = environment.getOrDefault("SPRING_DATASOURCE_USERNAME", "");
        String password = environment.getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Connection probe = DriverManager.getConnection(url, username, password)) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(MASTER_CHANGELOG,
                    new SpringResourceAccessor(new DefaultResourceLoader()), database);
            // Liquibase's console messages would mix with this mode's own output: to its (quietened) log.
            return Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> switch (command) {
                case "status" -> status(liquibase, out);
                case "update" -> update(liquibase, probe, timings, out, err);
                case "tag" -> tag(liquibase, connection, words.get(1), out, err);
                case "rollback" -> rollback(liquibase, words.get(1), timings, out, err);
                default -> verify(liquibase, database, connection, entityCheck, out, err);
            });
        } catch (Exception e) {
            err.println("migrate " + command + ": failed: " + e);
            Throwable cause = e.getCause();
            while (cause != null) {
                err.println("  caused by: " + cause);
                cause = cause.getCause();
            }
            return FAILED;
        }
    }

    private static int status(Liquibase liquibase, PrintStream out) throws Exception {
        List<ChangeSet> pending = pending(liquibase);
        pending.forEach(changeSet -> out.println(changeSet.getId() + "\t" + changeSet.getFilePath()));
        out.println(pending.size() + " changesets not applied");
        return DONE;
    }

    private static int update(Liquibase liquibase, Connection probe, Path timingsFile, PrintStream out,
            PrintStream err) throws Exception {
        ChangesetTimings timings = new ChangesetTimings(probe, err, pending(liquibase).size());
        liquibase.setChangeExecListener(timings);
        long started = System.nanoTime();
        liquibase.update(new Contexts(), new LabelExpression());
        write(timingsFile, timings);
        out.printf(Locale.ROOT, "applied %d changesets in %,d ms%n", timings.timings().size(),
                (System.nanoTime() - started) / 1_000_000);
        return DONE;
    }

    private static int tag(Liquibase liquibase, Connection connection, String tag, PrintStream out, PrintStream err)
            throws Exception {
        if (liquibase.tagExists(tag)) {
            if (tag.equals(lastTag(connection))) {
                out.println("the database is already tagged " + tag);
                return DONE;
            }
            err.println("migrate tag: refused: " + tag + " already marks an earlier state of this database");
            return REFUSED;
        }
        liquibase.tag(tag);
        out.println("tagged the database " + tag);
        return DONE;
    }

    private static int rollback(Liquibase liquibase, String tag, Path timingsFile, PrintStream out, PrintStream err)
            throws Exception {
        if (!liquibase.tagExists(tag)) {
            err.println("migrate rollback: refused: the database has no tag " + tag);
            return REFUSED;
        }
        ChangesetTimings timings = new ChangesetTimings(null, err, -1);
        liquibase.setChangeExecListener(timings);
        long started = System.nanoTime();
        liquibase.rollback(tag, new Contexts(), new LabelExpression());
        write(timingsFile, timings);
        out.printf(Locale.ROOT, "rolled back %d changesets to %s in %,d ms%n", timings.timings().size(), tag,
                (System.nanoTime() - started) / 1_000_000);
        return DONE;
    }

    private static int verify(Liquibase liquibase, Database database, Connection connection, String[] entities,
            PrintStream out, PrintStream err) throws Exception {
        List<ChangeSet> pending = pending(liquibase);
        if (!pending.isEmpty()) {
            err.println("migrate verify: " + pending.size() + " changesets are not applied yet, first "
                    + pending.get(0).getId());
            return FAILED;
        }
        SchemaShape expected = SchemaShape.declaredBy(liquibase.getDatabaseChangeLog(), database);
        List<String> differences = expected.differencesFrom(SchemaShape.of(connection));
        if (!differences.isEmpty()) {
            differences.forEach(difference -> err.println("migrate verify: " + difference));
            err.println("migrate verify: the schema differs from the changelog in " + differences.size() + " places");
            return FAILED;
        }
        out.println("schema matches the changelog: " + expected.summary());
        if (entities != null) {
            EntityValidation.validate(entities[0], entities[1], entities[2]);
            out.println("every entity validates against the schema (Hibernate ddl-auto=validate)");
        }
        return DONE;
    }

    static List<ChangeSet> pending(Liquibase liquibase) throws Exception {
        return liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
    }

    private static String lastTag(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT TAG FROM DATABASECHANGELOG"
                        + " ORDER BY DATEEXECUTED DESC, ORDEREXECUTED DESC")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static void write(Path file, ChangesetTimings timings) throws IOException {
        if (file != null) {
            List<String> lines = timings.timings().stream().map(ChangesetTimings.Timing::tabSeparated).toList();
            Files.write(file, lines);
        }
    }
}
