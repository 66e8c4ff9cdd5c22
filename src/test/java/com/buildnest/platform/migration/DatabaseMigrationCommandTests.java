package com.buildnest.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.ScratchDatabase;

/**
 * The jar's {@code migrate} mode on a scratch database of the database the suite runs against
 * (MariaDB in CI): the verifier catches a lost index and a stray one, tags and rollbacks are timed
 * and refuse what would be ambiguous, and on MariaDB the lock probe tells an instant change from
 * one that blocks writes.
 */
@BuildNestTest
class DatabaseMigrationCommandTests {

    @Autowired
    Environment environment;

    @TempDir
    Path directory;

    @Test
    void appliesEveryChangesetTimedAndFindsTheSchemaTheChangelogDeclares() throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            Path timings = directory.resolve("update.tsv");
            Result update = migrate(scratch, "update", "--timings=" + timings);
            assertThat(update.code()).as(update.err()).isZero();
            List<String> lines = Files.readAllLines(timings);
            assertThat(lines).hasSizeGreaterThan(30);
            assertThat(lines).anySatisfy(line -> assertThat(line.split("\t")).hasSize(5)
                    .startsWith("catalog-008-product-in-stock", "buildnest"));
            assertThat(update.out()).contains("applied " + lines.size() + " changesets");

            Result verify = migrate(scratch, "verify", "--skip-entities");
            assertThat(verify.code()).as(verify.err()).isZero();
            assertThat(verify.out()).containsPattern("schema matches the changelog: \\d+ tables, \\d+ columns");
        }
    }

    @Test
    void verifyCatchesAnIndexAChangesetLostAndOneNoChangesetMade() throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            assertThat(migrate(scratch, "update").code()).isZero();
            try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
                statement.execute(scratch.url().startsWith("jdbc:h2:") ? "DROP INDEX ix_inventory_stock_updated_at"
                        : "DROP INDEX ix_inventory_stock_updated_at ON inventory_stock");
                statement.execute("CREATE INDEX ix_catalog_product_brand ON catalog_product (brand)");
            }

            Result verify = migrate(scratch, "verify", "--skip-entities");

            assertThat(verify.code()).isEqualTo(DatabaseMigration.FAILED);
            assertThat(verify.err()).contains("missing: index inventory_stock(updated_at)",
                    "unexpected: index catalog_product(brand)", "differs from the changelog in 2 places");
        }
    }

    @Test
    void tagsTheRunningReleaseRollsBackToItTimedAndRefusesAnUnknownTag() throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            assertThat(migrate(scratch, "update").code()).isZero();
            assertThat(migrate(scratch, "tag", "v1.0.0").out()).contains("tagged the database v1.0.0");
            assertThat(migrate(scratch, "tag", "v1.0.0").out()).contains("already tagged v1.0.0");
            assertThat(migrate(scratch, "status").out()).contains("0 changesets not applied");

            Result unknown = migrate(scratch, "rollback", "v0.9.0");
            assertThat(unknown.code()).isEqualTo(DatabaseMigration.REFUSED);
            assertThat(migrate(scratch, "status").out()).as("nothing was rolled back")
                    .contains("0 changesets not applied");

            Path timings = directory.resolve("rollback.tsv");
            Result rollback = migrate(scratch, "rollback", "empty", "--timings=" + timings);
            assertThat(rollback.code()).as(rollback.err()).isZero();
            int rolledBack = Files.readAllLines(timings).size();
            assertThat(rollback.out()).contains("rolled back " + rolledBack + " changesets to empty");
            assertThat(migrate(scratch, "status").out()).contains(rolledBack + " changesets not applied");
            try (Connection connection = scratch.connect()) {
                assertThat(SchemaShape.of(connection).describe()).as("nothing of BuildNest is left").isEmpty();
            }
            assertThat(migrate(scratch, "update").code()).isZero();
            try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE DATABASECHANGELOG SET TAG = 'v0.1.0' WHERE ID = 'customer-001-accounts'");
            }
            assertThat(migrate(scratch, "tag", "v0.1.0").code()).as("v0.1.0 marks an earlier state")
                    .isEqualTo(DatabaseMigration.REFUSED);
        }
    }

    @Test
    void lockProbeTellsAnInstantChangeFromOneThatBlocksWritesAndLeavesTheTableAlone() throws Exception {
        assumeTrue(!environment.getRequiredProperty("spring.datasource.url").startsWith("jdbc:h2:"),
                "ALGORITHM and LOCK clauses are MariaDB's and MySQL's (as .ci/run runs the suite)");
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            assertThat(migrate(scratch, "update").code()).isZero();
            try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO catalog_category (slug, name, position) VALUES ('cement', 'Cement', 1)");

                assertThat(LockProbe.of(connection, "ALTER TABLE catalog_category ADD note VARCHAR(20) NULL"))
                        .isEqualTo("catalog_category INSTANT (metadata only: no rebuild, writes go on)");
                assertThat(LockProbe.of(connection, "CREATE INDEX ix_category_name ON catalog_category(name)"))
                        .isEqualTo("catalog_category INPLACE, LOCK=NONE (online: reads and writes go on)");
                // A column's type changes: every row is rewritten into a copy of the table.
                assertThat(LockProbe.of(connection, "ALTER TABLE catalog_category MODIFY position BIGINT NOT NULL"))
                        .contains("WRITES BLOCKED");

                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM catalog_category")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isOne();
                }
                try (ResultSet probe = statement.executeQuery("SHOW TABLES LIKE '" + LockProbe.PROBE_TABLE + "'")) {
                    assertThat(probe.next()).as("the probe copy is gone").isFalse();
                }
            }
            Result verify = migrate(scratch, "verify", "--skip-entities");
            assertThat(verify.code()).as("the real table did not change: " + verify.err()).isZero();
        }
    }

    @Test
    void sessionRunsCommandsOneALineInOneProcessAndAnswersEachWithItsExitCode() throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            Path timings = directory.resolve("rollback.tsv");
            String commands = String.join("\n", "update", "", "verify --skip-entities", "tag v1.0.0",
                    "rollback v0.9.0", "rollback empty --timings=" + timings, "session", "status");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = DatabaseMigration.session(new BufferedReader(new StringReader(commands)), environment(scratch),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            String answers = out.toString(StandardCharsets.UTF_8);
            assertThat(answers.lines().filter(line -> line.startsWith(DatabaseMigration.SESSION_EXIT)))
                    .as(err.toString(StandardCharsets.UTF_8))
                    .containsExactly("migrate session: exit 0", "migrate session: exit 0", "migrate session: exit 0",
                            "migrate session: exit 3", "migrate session: exit 0", "migrate session: exit 2",
                            "migrate session: exit 0");
            assertThat(answers).contains("schema matches the changelog", "tagged the database v1.0.0",
                    "rolled back " + Files.readAllLines(timings).size() + " changesets to empty");
            assertThat(code).as("one command failed").isEqualTo(DatabaseMigration.FAILED);
            try (Connection connection = scratch.connect()) {
                assertThat(SchemaShape.of(connection).describe()).as("the rollback ran").isEmpty();
            }
        }
    }

    @Test
    void refusesBadArgumentsAndAMissingDatabase() {
        Map<String, String> none = Map.of();
        assertThat(run(List.of("upgrade"), none).code()).isEqualTo(DatabaseMigration.BAD_ARGUMENTS);
        assertThat(run(List.of("tag"), none).code()).isEqualTo(DatabaseMigration.BAD_ARGUMENTS);
        assertThat(run(List.of("update", "--fast"), none).code()).isEqualTo(DatabaseMigration.BAD_ARGUMENTS);
        Result noDatabase = run(List.of("status"), none);
        assertThat(noDatabase.code()).isEqualTo(DatabaseMigration.BAD_ARGUMENTS);
        assertThat(noDatabase.err()).contains("SPRING_DATASOURCE_URL");
        assertThat(run(List.of("--help"), none).out()).contains("rollback TAG", "verify");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result migrate(ScratchDatabase scratch, String... arguments) {
        return run(List.of(arguments), environment(scratch));
    }

    private static Map<String, String> environment(ScratchDatabase scratch) {
        return Map.of("SPRING_DATASOURCE_URL", scratch.url(), "SPRING_DATASOURCE_USERNAME", scratch.username(),
                "SPRING_DATASOURCE_PASSWORD", scratch.password());
    }

    private static Result run(List<String> arguments, Map<String, String> environment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DatabaseMigration.run(arguments, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
