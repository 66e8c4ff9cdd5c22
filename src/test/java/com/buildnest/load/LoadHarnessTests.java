package com.buildnest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.buildnest.testing.OpsScript;

/**
 * The load harness's command ({@code ops/load/run.sh}) and its judgement ({@code ops/load/report.py}),
 * without running a load: the full run needs a quiet machine and minutes (docs/load-testing.md).
 */
class LoadHarnessTests {

    @Test
    void helpDescribesTheTrafficMixTheTargetsAndTheSoak() throws Exception {
        String help = OpsScript.run("load/run.sh", "--help");

        assertThat(help).contains("60 % browse and search", "25 % cart and checkout", "10 % registration and login",
                "5 % admin", "p95 < 500 ms", "p99 < 1 s", "errors < 0.1 %", "--soak DURATION", "--reuse",
                "prod profile");
    }

    @Test
    void dryRunStatesThePlanAndTouchesNothing() throws Exception {
        OpsScript.Outcome outcome = OpsScript.attempt("load/run.sh", "--dry-run", "--users", "500", "--products",
                "2000", "--orders", "2000", "--rate", "4", "--increment", "2.5", "--steps", "3", "--step-seconds", "20");

        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.errors()).contains("up to 3 steps of 20s from 4 visits/s (+2.5)",
                "buildnest_load_u500_p2000_o2000_s1");
        assertThat(outcome.errors()).doesNotContain("generating", "starting BuildNest");
    }

    @Test
    void aSoakWithoutARateTakesHalfTheLastSearchResult() throws Exception {
        OpsScript.Outcome outcome = OpsScript.attempt("load/run.sh", "--dry-run", "--soak", "30m", "--users", "100",
                "--products", "100", "--orders", "0", "--seed", "999");

        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.errors()).contains("soak for 1800s at (half the last search's result) visits/s");
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() throws Exception {
        assertRefused(List.of("--steps", "many"), "--steps needs a whole number");
        assertRefused(List.of("--rate", "-3"), "--rate needs a number of visits per second");
        assertRefused(List.of("--soak", "2 weeks"), "--soak needs a duration such as 30m, 2m or 90s");
        assertRefused(List.of("--soak", "30s"), "--soak must last at least 60 s");
        assertRefused(List.of("--users", "10"), "--users must be at least 100");
        assertRefused(List.of("--step-seconds", "5"), "--step-seconds at least 10");
        assertRefused(List.of("--turbo"), "unknown argument --turbo");
    }

    @Test
    void theLastPassingStepBeforeTheFirstBrokenOneIsTheSustainableRate(@TempDir Path dir) throws Exception {
        Path steps = dir.resolve("steps.csv");
        Files.write(steps, List.of(
                "step,sessions_per_s,requests,requests_per_s,p50_ms,p95_ms,p99_ms,max_ms,failed,error_rate,verdict",
                "1,4.00,400,20.0,40,120,300,900,0,0.00000,pass",
                "2,8.00,800,40.0,60,450,800,1500,0,0.00000,pass",
                "3,12.00,1200,60.0,200,700,1800,4000,3,0.00250,FAIL"));

        String table = python("steps", steps.toString());

        assertThat(table).contains("| 2 | 8.00 | 800 | 40.0 |", "| 3 | 12.00 |", "FAIL");
        assertThat(Files.readString(dir.resolve("steps.csv.best")).strip()).isEqualTo("8.00 40.0");
    }

    @Test
    void noPassingStepMeansNoSustainableRate(@TempDir Path dir) throws Exception {
        Path steps = dir.resolve("steps.csv");
        Files.write(steps, List.of(
                "step,sessions_per_s,requests,requests_per_s,p50_ms,p95_ms,p99_ms,max_ms,failed,error_rate,verdict",
                "1,4.00,400,20.0,400,900,1300,2000,0,0.00000,FAIL"));

        python("steps", steps.toString());

        assertThat(Files.readString(dir.resolve("steps.csv.best")).strip()).isEqualTo("none");
    }

    @Test
    void aSteadyHeapAndReturnedConnectionsPassTheSoak(@TempDir Path dir) throws Exception {
        Path samples = soakSamples(dir, 0, 0);

        assertThat(pythonExit("soak", samples.toString())).isZero();
    }

    @Test
    void aGrowingHeapFailsTheSoak(@TempDir Path dir) throws Exception {
        Path samples = soakSamples(dir, 8 * 1024 * 1024, 0);

        assertThat(pythonExit("soak", samples.toString())).isEqualTo(1);
    }

    @Test
    void connectionsStillActiveAfterTheLoadFailTheSoak(@TempDir Path dir) throws Exception {
        Path samples = soakSamples(dir, 0, 3);

        assertThat(pythonExit("soak", samples.toString())).isEqualTo(1);
    }

    @Test
    void tooFewSamplesCannotBeJudged(@TempDir Path dir) throws Exception {
        Path samples = dir.resolve("samples.csv");
        Files.writeString(samples, """
                t_s,phase,heap_after_gc_bytes,hikari_active,hikari_idle,hikari_pending,open_fds,threads
                0,before,90000000,0,10,0,38,49
                40,load,96000000,3,7,0,57,63
                70,after,94000000,0,10,0,50,63
                """);

        assertThat(pythonExit("soak", samples.toString())).isEqualTo(2);
    }

    @Test
    void prometheusTextBecomesOneSampleRow() throws Exception {
        String prometheus = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1048576.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 3145728.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                hikaricp_connections_active{pool="HikariPool-1"} 2.0
                hikaricp_connections_idle{pool="HikariPool-1"} 8.0
                hikaricp_connections_pending{pool="HikariPool-1"} 0.0
                process_files_open_files 212.0
                jvm_threads_live_threads 57.0
                """;

        String row = run(prometheus, "python3", "ops/load/report.py", "sample", "load",
                String.valueOf(System.currentTimeMillis() / 1000));

        assertThat(row).endsWith(",load,4194304,2,8,0,212,57");
    }

    @Test
    void theLiveDataSizeAfterTheForcedGcIsPreferredToTheHeapInUse() throws Exception {
        String prometheus = """
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1048576.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 3145728.0
                jvm_gc_live_data_size_bytes 2097152.0
                """;

        String row = run(prometheus, "python3", "ops/load/report.py", "sample", "after",
                String.valueOf(System.currentTimeMillis() / 1000));

        assertThat(row).contains(",after,2097152,");
    }

    @Test
    void oneSampleTakenDuringABurstIsNoTrend(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder(
                "t_s,phase,heap_after_gc_bytes,hikari_active,hikari_idle,hikari_pending,open_fds,threads\n"
                        + "0,before,90000000,0,10,0,38,49\n");
        for (int i = 1; i <= 12; i++) {
            long heap = i == 12 ? 190_000_000L : 93_000_000L;
            csv.append(i * 10).append(",load,").append(heap).append(",1,9,0,56,64\n");
        }
        csv.append("130,after,93000000,0,10,0,50,63\n");
        Path samples = dir.resolve("samples.csv");
        Files.writeString(samples, csv);

        assertThat(pythonExit("soak", samples.toString())).isZero();
    }

    /** Twelve samples under load whose heap after GC grows by {@code growthPerSample}, then one after it. */
    private static Path soakSamples(Path dir, long growthPerSample, int activeAfter) throws IOException {
        StringBuilder csv = new StringBuilder(
                "t_s,phase,heap_after_gc_bytes,hikari_active,hikari_idle,hikari_pending,open_fds,threads\n");
        long heap = 120L * 1024 * 1024;
        csv.append("0,before,").append(heap).append(",0,10,0,200,50\n");
        for (int i = 1; i <= 12; i++) {
            long wobble = (i % 3) * 2L * 1024 * 1024;
            csv.append(i * 10).append(",load,").append(heap + i * growthPerSample + wobble).append(",4,6,0,260,80\n");
        }
        csv.append("140,after,").append(heap).append(',').append(activeAfter).append(",10,0,205,70\n");
        Path samples = dir.resolve("samples.csv");
        Files.writeString(samples, csv);
        return samples;
    }

    private static void assertRefused(List<String> arguments, String reason) throws Exception {
        OpsScript.Outcome outcome = OpsScript.attempt("load/run.sh", arguments.toArray(String[]::new));
        assertThat(outcome.exitStatus()).as("exit status for %s", arguments).isEqualTo(1);
        assertThat(outcome.errors()).as("reason for %s", arguments).contains(reason);
    }

    private static String python(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 2];
        command[0] = "python3";
        command[1] = "ops/load/report.py";
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        return run("", command);
    }

    private static int pythonExit(String... arguments) throws Exception {
        Process process = new ProcessBuilder(concat("python3", "ops/load/report.py", arguments))
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static String run(String input, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit status of %s", String.join(" ", command)).isZero();
        return output;
    }

    private static String[] concat(String first, String second, String... rest) {
        String[] all = new String[rest.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
