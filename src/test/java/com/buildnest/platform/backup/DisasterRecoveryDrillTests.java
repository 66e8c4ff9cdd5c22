package com.buildnest.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.buildnest.testing.OpsScript;

/**
 * ops/dr/drill.sh explains itself, plans without starting anything and refuses bad arguments. The drill
 * itself takes minutes, which no unit test should: CI runs it small as a step of .ci/run, and the piece
 * of the restore that brings its recovery point to zero (--include-staging) is proved in
 * {@link BackupAndRestoreTests}.
 */
class DisasterRecoveryDrillTests {

    @TempDir
    Path work;

    @Test
    void theDrillExplainsItselfAndPlansWithoutStartingAnything() throws Exception {
        assertThat(OpsScript.run("dr/drill.sh", "--help")).contains("Usage: ops/dr/drill.sh", "--users N",
                "--orders N", "--out DIR", "RTO", "RPO", "kill -9");
        OpsScript.Outcome plan = OpsScript.attempt("dr/drill.sh", "--dry-run", "--users", "100", "--products", "300",
                "--orders", "500", "--out", work.resolve("report").toString());
        assertThat(plan.exitStatus()).isZero();
        assertThat(plan.errors()).contains("plan: data users=100 products=300 orders=500");
        assertThat(work.resolve("report")).as("a dry run writes nothing").doesNotExist();
    }

    @Test
    void theDrillRefusesBadArguments() throws Exception {
        assertRefused("needs a whole number", "--users", "many");
        assertRefused("needs a whole number", "--orders");
        assertRefused("must be at least 1", "--workers", "0");
        assertRefused("cannot exceed --users", "--users", "4", "--workers", "8");
        assertRefused("unknown argument '--fast'", "--fast");
    }

    private static void assertRefused(String why, String... arguments) throws Exception {
        OpsScript.Outcome outcome = OpsScript.attempt("dr/drill.sh", arguments);
        assertThat(outcome.exitStatus()).isEqualTo(1);
        assertThat(outcome.errors()).contains(why);
    }
}
