package com.buildnest.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.buildnest.testing.OpsScript;
import com.buildnest.testing.OpsScript.Outcome;

/**
 * The fault drill's script explains itself, shows its plan without starting anything, and refuses
 * arguments it cannot use. The drill itself runs in CI as its own step ({@code ops/faults/run.sh --ci}
 * in {@code .ci/run}): it starts servers and kills them, which the shared test context must not see.
 */
class FaultDrillScriptTests {

    @Test
    void explainsWhatItBreaksAndWhatItChecks() throws Exception {
        assertThat(OpsScript.run("faults/run.sh", "--help")).contains("Usage: ops/faults/run.sh", "--ci",
                "kills MariaDB (SIGKILL)", "stops Redis", "kills the application (SIGKILL)", "no 500",
                "the stock ledger explains every stock row");
    }

    @Test
    void aDryRunShowsThePlanAndStartsNothing() throws Exception {
        Outcome dryRun = OpsScript.attempt("faults/run.sh", "--ci", "--dry-run");

        assertThat(dryRun.exitStatus()).isZero();
        assertThat(dryRun.errors()).contains("plan: 4 buyers, 100 products, 6s outages", "dry-run: nothing started")
                .doesNotContain("MariaDB on port", "BuildNest ready");
    }

    @Test
    void refusesArgumentsItCannotUse() throws Exception {
        Outcome notANumber = OpsScript.attempt("faults/run.sh", "--buyers", "many", "--dry-run");
        Outcome tooMany = OpsScript.attempt("faults/run.sh", "--buyers", "500", "--dry-run");
        Outcome unknown = OpsScript.attempt("faults/run.sh", "--chaos", "--dry-run");

        assertThat(notANumber.exitStatus()).isEqualTo(1);
        assertThat(notANumber.errors()).contains("many is not a whole number");
        assertThat(tooMany.errors()).contains("--buyers must be 1 to 64");
        assertThat(unknown.errors()).contains("unknown argument --chaos");
    }
}
