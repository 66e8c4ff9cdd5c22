package com.buildnest.datagen;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress display on standard error: at most one line a second with the step, units done of
 * the total, the rate and the time left, and one line when the step ends.
 */
final class Progress {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private String step = "";
    private String unit = "";
    private long total;
    private long done;
    private long startedAt;
    private long printedAt;

    Progress(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    synchronized void start(String step, long total, String unit) {
        this.step = step;
        this.total = total;
        this.unit = unit;
        this.done = 0;
        this.startedAt = nanoTime.getAsLong();
        this.printedAt = startedAt;
    }

    /** Safe to call from several threads (the search index is built by several). */
    synchronized void advance(long units) {
        done += units;
        long now = nanoTime.getAsLong();
        if (now - printedAt >= SECOND) {
            printedAt = now;
            double rate = done * (double) SECOND / Math.max(1, now - startedAt);
            long left = rate > 0 ? Math.round((total - done) / rate) : 0;
            out.printf(Locale.ROOT, "[%s] %,d / %,d %s (%d%%), %,.0f %s/s, about %d s left%n", step, done, total, unit,
                    total == 0 ? 100 : done * 100 / total, rate, unit, left);
        }
    }

    /** Ends the step; returns its duration. */
    synchronized Duration finish() {
        Duration took = Duration.ofNanos(nanoTime.getAsLong() - startedAt);
        out.printf(Locale.ROOT, "[%s] done: %,d %s in %.1f s%n", step, done, unit, took.toMillis() / 1000.0);
        return took;
    }
}
