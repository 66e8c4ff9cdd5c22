package com.buildnest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.buildnest.testing.OpsScript;

/**
 * The benchmark scripts an operator or developer runs from docs/benchmarks.md explain themselves,
 * refuse what they do not understand, and (where their tools are here) check their prerequisites.
 * Their full runs take minutes on 50,000 products and live outside CI.
 */
class BenchmarkScriptsTests {

    @Test
    void thePurchaseBenchmarkExplainsItselfChecksItsPrerequisitesAndRefusesBadArguments() throws Exception {
        assertThat(OpsScript.run("bench/purchase.sh", "--help")).contains("Usage: ops/bench/purchase.sh",
                "--buyers N", "--record");
        OpsScript.run("bench/purchase.sh", "--dry-run", "--buyers", "4", "--duration", "5", "--warmup", "1");
        assertThatThrownBy(() -> OpsScript.run("bench/purchase.sh", "--buyers", "many"))
                .hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> OpsScript.run("bench/purchase.sh", "--shoppers", "4"))
                .hasMessageContaining("exited with 1");
    }

    @Test
    void theCatalogueBenchmarkExplainsItselfAndRefusesBadArguments() throws Exception {
        assertThat(OpsScript.run("bench/catalog.sh", "--help")).contains("Usage: ops/bench/catalog.sh",
                "--products N", "--record");
        assertThatThrownBy(() -> OpsScript.run("bench/catalog.sh", "--products", "lots"))
                .hasMessageContaining("exited with 1");
    }
}
