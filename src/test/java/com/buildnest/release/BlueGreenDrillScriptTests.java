package com.buildnest.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.buildnest.testing.OpsScript;

/**
 * The blue-green drill explains itself, plans without starting anything under --dry-run, refuses
 * what it does not understand, and its report counts failed requests and latency in the windows
 * around each switch. The full drill starts two applications and takes minutes: it runs by hand
 * (docs/runbooks/blue-green.md), its figures are in docs/benchmarks.md.
 */
class BlueGreenDrillScriptTests {

    private static final String DRILL = "release/blue-green-drill.sh";

    private static final double START = 1_800_000_000.0;

    @TempDir
    Path temp;

    @Test
    void theDrillExplainsItselfAndPlansWithoutStartingAnythingUnderDryRun() throws Exception {
        assertThat(OpsScript.run(DRILL, "--help")).contains("Usage: ops/release/blue-green-drill.sh", "--green-jar PATH",
                "--green-ref REF", "--workers N", "--duration S", "--out DIR", "rollback");
        OpsScript.run(DRILL, "--dry-run", "--workers", "2", "--duration", "5", "--green-ref", "HEAD",
                "--out", temp.resolve("report").toString());
        assertThat(temp.resolve("report")).doesNotExist();
    }

    @Test
    void theDrillRefusesBadArguments() {
        for (List<String> arguments : List.of(List.of("--workers", "many"), List.of("--workers", "0"),
                List.of("--duration", "0"), List.of("--duration", "soon"), List.of("--colour", "red"),
                List.of("--green-jar", "no/such/build.jar"), List.of("--green-ref", "no-such-ref-anywhere"),
                List.of("--green-jar", "pom.xml", "--green-ref", "HEAD"), List.of("--workers"))) {
            assertThatThrownBy(() -> OpsScript.run(DRILL, arguments.toArray(String[]::new)))
                    .as("%s", arguments).hasMessageContaining("exited with 1");
        }
    }

    @Test
    void theReportCountsFailedRequestsAndLatencyAroundEachSwitchAndFailsOnAnyFailedRequest() throws Exception {
        Path report = temp.resolve("report.md");

        Run run = python("ops/release/load.py", "report", releaseAndRollbackRequests().toString(),
                releaseAndRollbackEvents().toString(), report.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("REQUESTS sent=300 failed=2 p50=");
        String markdown = Files.readString(report);
        assertThat(markdown).contains("Requests sent: **300**, failed: **2**", "max 15000 ms",
                "| whole drill | 0.0 | 30.9 | 300 | 2 |",
                "| 10 s before switch to green | 0.0 | 10.0 | 100 | 0 |",
                "| 10 s after switch to green | 10.0 | 20.0 | 100 | 1 | 14 | 900 | 900 | 2222: 100 |",
                "| green serves, blue drained but running (rollback window) | 10.5 | 19.5 | 90 | 1 | 15 | 900 | 900 | 2222: 90 |",
                "| 10 s after rollback to blue | 20.0 | 30.0 | 100 | 1 |",
                "| 25.0 | listing | TIMEOUT | GET /api/products: failed |");
    }

    @Test
    void theReportTimesTheRollbackFromTheDecisionToTheFirstAnswerFromBlueAndToAllTrafficOnBlue() throws Exception {
        Path report = temp.resolve("report.md");

        Run run = python("ops/release/load.py", "report", releaseAndRollbackRequests().toString(),
                releaseAndRollbackEvents().toString(), report.toString());

        // Decided at t=19.5; the first request to blue starts at t=20.0 and takes 10 ms; the old
        // proxy workers are gone at t=20.5.
        assertThat(run.output()).contains("ROLLBACK first_ms=510 all_ms=1000 port=1111");
        assertThat(Files.readString(report)).contains("first answer from blue (port 1111) after **510 ms**",
                "all traffic on blue (every old proxy worker gone) after **1000 ms**",
                "| rollback: decision until old workers drained | 19.5 | 20.5 | 11 | 0 | 15 | 19 | 19 | 1111: 6, 2222: 5 |");
    }

    /**
     * Ten requests a second for 30 s: blue (port 1111) until t=10, green (2222) after, blue again
     * from t=20 (the rollback); one 502 at t=12.5 and one timeout at t=25.
     */
    private Path releaseAndRollbackRequests() throws IOException {
        StringBuilder requests = new StringBuilder();
        for (int tenth = 0; tenth < 300; tenth++) {
            double t = START + tenth / 10.0;
            String port = t < START + 10 || t >= START + 20 ? "1111" : "2222";
            String status = tenth == 125 ? "502" : tenth == 250 ? "TIMEOUT" : "200";
            String latency = tenth == 125 ? "900.0" : tenth == 250 ? "15000.0" : String.valueOf(10 + tenth % 10);
            requests.append("%.3f\t%s\t%s\tlisting\t%s\t%s%n".formatted(t, latency, status, port,
                    status.equals("200") ? "" : "GET /api/products: failed"));
        }
        return Files.writeString(temp.resolve("requests.tsv"), requests);
    }

    /** The drill's events: blue stays up, drained, from the switch to green until the rollback. */
    private Path releaseAndRollbackEvents() throws IOException {
        return Files.writeString(temp.resolve("events.log"), """
                %.3f green-starting build
                %.3f green-ready port 2222
                %.3f switch-to-green nginx reloaded
                %.3f blue-drained workers gone, blue keeps running
                %.3f rollback-decided back to blue
                %.3f switch-to-blue nginx reloaded
                %.3f green-drained workers gone
                %.3f green-stopped graceful
                %.3f blue-stopped graceful
                """.formatted(START + 2, START + 9, START + 10, START + 10.5, START + 19.5, START + 20, START + 20.5,
                START + 22, START + 31));
    }

    @Test
    void greensChangesetsThatContractTheSchemaFailTheDrillAndThoseItCannotJudgeAreNamedForReview() throws Exception {
        // Rows as the drill selects them from DATABASECHANGELOG: ID, AUTHOR, FILENAME, DESCRIPTION.
        Path expanding = Files.writeString(temp.resolve("expanding.tsv"), """
                catalog-010\tbuildnest\tdb/changelog/catalog/010-x.yaml\taddColumn tableName=catalog_product; createIndex indexName=ix_product_x, tableName=catalog_product
                catalog-011\tbuildnest\tdb/changelog/catalog/011-y.yaml\tcreateTable tableName=catalog_y
                catalog-012\tbuildnest\tdb/changelog/catalog/012-z.yaml\tdropNotNullConstraint columnName=legacy, tableName=catalog_product
                """);
        Run expands = python("ops/release/changesets.py", expanding.toString());
        assertThat(expands.exitCode()).as(expands.output()).isZero();
        assertThat(expands.output()).isEmpty();

        Path mixed = Files.writeString(temp.resolve("mixed.tsv"), """
                cart-005\tbuildnest\tdb/changelog/cart/005-a.yaml\tsql
                cart-006\tbuildnest\tdb/changelog/cart/006-b.yaml\tmodifyDataType columnName=note, tableName=cart_item
                cart-007\tbuildnest\tdb/changelog/cart/007-c.yaml\tcreateTable tableName=cart_z; dropColumn columnName=old, tableName=cart_item
                cart-008\tbuildnest\tdb/changelog/cart/008-d.yaml\trenameColumn newColumnName=qty, oldColumnName=quantity, tableName=cart_item
                """);
        Run contracts = python("ops/release/changesets.py", mixed.toString());
        assertThat(contracts.exitCode()).isEqualTo(1);
        assertThat(contracts.output().lines()).containsExactly(
                "review\tdb/changelog/cart/005-a.yaml::cart-005::buildnest\tsql",
                "review\tdb/changelog/cart/006-b.yaml::cart-006::buildnest\tmodifyDataType columnName=note, tableName=cart_item",
                "contract\tdb/changelog/cart/007-c.yaml::cart-007::buildnest\tcreateTable tableName=cart_z; dropColumn columnName=old, tableName=cart_item",
                "contract\tdb/changelog/cart/008-d.yaml::cart-008::buildnest\trenameColumn newColumnName=qty, oldColumnName=quantity, tableName=cart_item");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run python(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
