package com.buildnest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.buildnest.testing.OpsScript;

/**
 * ops/db/migration-test.sh explains itself, refuses what it does not understand, checks its
 * prerequisites under --dry-run without creating anything, and never shows the database password.
 * Its small-scale run is a step of .ci/run; the full scale is a documented command.
 */
class MigrationTestScriptTests {

    @Test
    void explainsItselfAndRefusesBadArguments() throws Exception {
        assertThat(OpsScript.run("db/migration-test.sh", "--help")).contains("Usage: ops/db/migration-test.sh",
                "--from REF", "--users N", "--orders N", "--password-file FILE", "--keep", "--dry-run");
        assertThatThrownBy(() -> OpsScript.run("db/migration-test.sh", "--users", "many"))
                .hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> OpsScript.run("db/migration-test.sh", "--tables", "4"))
                .hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> OpsScript.run("db/migration-test.sh", "--password-file", "/no/such/file"))
                .hasMessageContaining("exited with 1");
    }

    @Test
    void dryRunChecksThePrerequisitesAndRefusesAnUnknownPreviousRelease() throws Exception {
        assumeTrue(localMariaDbAnswers(), "needs the MariaDB server on 127.0.0.1:3306 (as CI has)");
        String before = databases();
        OpsScript.run("db/migration-test.sh", "--dry-run", "--from", "empty");
        assertThatThrownBy(() -> OpsScript.run("db/migration-test.sh", "--dry-run", "--from", "no-such-release"))
                .hasMessageContaining("exited with 1");
        assertThat(databases()).as("a dry run creates nothing").isEqualTo(before);
    }

    @Test
    void neverShowsTheDatabasePassword() throws Exception {
        assumeTrue(localMariaDbAnswers(), "needs the MariaDB server on 127.0.0.1:3306 (as CI has)");
        String secret = "Not-The-Root-Password-4711";
        ProcessBuilder builder = new ProcessBuilder("bash", "ops/db/migration-test.sh", "--dry-run", "--from", "empty",
                "--user", "migtest_nobody").redirectErrorStream(true);
        builder.environment().put("MIGRATION_TEST_DB_PASSWORD", secret);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("cannot connect to 127.0.0.1:3306 as migtest_nobody").doesNotContain(secret);
    }

    private static boolean localMariaDbAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 3306), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String databases() throws Exception {
        Process process = new ProcessBuilder("mariadb", "--protocol=tcp", "-h127.0.0.1", "-uroot", "-N", "-e",
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'migtest%'").start();
        String names = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return names;
    }
}
