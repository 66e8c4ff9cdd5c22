package com.buildnest.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.buildnest.BuildNestApplication;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.OpsScript;
import com.buildnest.testing.ScratchDatabase;

/**
 * The {@code generate} mode as an operator runs it, and its wrapper script: it migrates an empty
 * database, fills it, leaves a search index that holds every product, and exits with a code that
 * says what happened. (The suite's shared context only supplies the database settings.)
 */
@BuildNestTest
class DataGenerationTests {

    @Autowired
    Environment environment;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void migratesAnEmptyDatabaseFillsItAndIndexesEveryProduct(@TempDir Path dataDir) throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            int exit = run("--users=20", "--products=120", "--seed=5", "--spring.datasource.url=" + scratch.url(),
                    "--spring.datasource.username=" + scratch.username(),
                    "--spring.datasource.password=" + scratch.password(), "--buildnest.platform.data-dir=" + dataDir);

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(DataGeneration.DONE);
            assertThat(text(out)).contains("Generated 120 products and 20 accounts (seed 5)",
                    "Search index: 120 documents, matching the database.");
            assertThat(text(err)).contains("[catalogue] done: 120 products", "[search index] done: 120 documents");
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(scratch.url(), scratch.username(),
                    scratch.password()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM catalog_product", Long.class)).isEqualTo(120);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_account", Long.class))
                    .as("no demo administrator beside the generated accounts").isEqualTo(20);
        }
    }

    @Test
    void refusesTheProdProfileBeforeTouchingAnyDatabase() {
        assertThat(run("--products=10", "--spring.profiles.active=services,prod")).isEqualTo(DataGeneration.REFUSED);
        assertThat(text(err)).contains("refused: the prod profile is active");
    }

    @Test
    void rejectsUnknownOptionsAndPrintsItsUsage() {
        assertThat(run("--product=10")).isEqualTo(DataGeneration.BAD_ARGUMENTS);
        assertThat(text(err)).contains("unknown option --product=10");
        assertThat(run("--users=many")).isEqualTo(DataGeneration.BAD_ARGUMENTS);
        assertThat(run("--help")).isEqualTo(DataGeneration.DONE);
        assertThat(text(out)).contains("--products=N", "--seed=N", "--append");
    }

    @Test
    void theWrapperScriptPassesItsOptionsToTheJarAndRefusesBadOnes() throws Exception {
        assertThat(OpsScript.run("data/generate.sh", "--help")).contains("Usage: ops/data/generate.sh");
        OpsScript.run("data/generate.sh", "--dry-run", "--users", "5", "--products", "10", "--seed", "9", "--append",
                "--url", "jdbc:h2:mem:nowhere");
        assertThatThrownBy(() -> OpsScript.run("data/generate.sh", "--users", "many"))
                .hasMessageContaining("exited with 1");
    }

    private int run(String... arguments) {
        return DataGeneration.run(BuildNestApplication.class, List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
