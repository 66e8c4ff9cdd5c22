package com.buildnest.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every request of a load run, as one CSV line ({@code start_ms,scenario,request,latency_ms,ok}),
 * and the verdict of each arrival-rate step against the operators' targets. Requests count towards
 * the step in which they started (those of the warm-up before the first step to none); a step passes when its p95 is under {@link #P95_LIMIT_MS}, its p99
 * under {@link #P99_LIMIT_MS} and fewer than {@link #ERROR_LIMIT} of its requests failed.
 */
final class RequestLog {

    static final double P95_LIMIT_MS = 500;
    static final double P99_LIMIT_MS = 1000;
    static final double ERROR_LIMIT = 0.001;

    private final BufferedWriter out;
    private final long startedAt;
    private final long stepMillis;
    private final List<Step> steps = new ArrayList<>();

    RequestLog(Path file, long startedAt, long stepMillis, double[] rates) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = Files.newBufferedWriter(file);
            out.write("start_ms,scenario,request,latency_ms,ok\n");
            out.flush(); // a non-empty file tells ops/load/run.sh that the load has started
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.startedAt = startedAt;
        this.stepMillis = stepMillis;
        for (double rate : rates) {
            steps.add(new Step(rate));
        }
    }

    synchronized void add(long startMillis, String scenario, String request, long latencyMillis, boolean ok) {
        try {
            out.write(startMillis + "," + scenario + "," + request + "," + latencyMillis + "," + (ok ? 1 : 0) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = (int) Math.floorDiv(startMillis - startedAt, stepMillis);
        if (index >= 0 && index < steps.size()) {
            steps.get(index).add(latencyMillis, ok);
        }
    }

    /** The verdict of step {@code index}, or null when it had no requests. */
    synchronized Verdict verdict(int index) {
        Step step = steps.get(index);
        if (step.count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(step.latencies, step.count);
        Arrays.sort(sorted);
        double errors = (double) step.failed / step.count;
        return new Verdict(index + 1, step.rate, step.count, step.count * 1000.0 / stepMillis,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1],
                step.failed, errors);
    }

    synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int steps() {
        return steps.size();
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    record Verdict(int step, double sessionsPerSecond, int requests, double requestsPerSecond, long p50, long p95,
            long p99, long max, int failed, double errorRate) {

        boolean passed() {
            return p95 < P95_LIMIT_MS && p99 < P99_LIMIT_MS && errorRate < ERROR_LIMIT;
        }

        String csv() {
            return String.format(Locale.ROOT, "%d,%.2f,%d,%.1f,%d,%d,%d,%d,%d,%.5f,%s", step, sessionsPerSecond,
                    requests, requestsPerSecond, p50, p95, p99, max, failed, errorRate, passed() ? "pass" : "FAIL");
        }

        static String csvHeader() {
            return "step,sessions_per_s,requests,requests_per_s,p50_ms,p95_ms,p99_ms,max_ms,failed,error_rate,verdict";
        }
    }

    private static final class Step {
        final double rate;
        long[] latencies = new long[1024];
        int count;
        int failed;

        Step(double rate) {
            this.rate = rate;
        }

        void add(long latency, boolean ok) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
            if (!ok) {
                failed++;
            }
        }
    }
}
