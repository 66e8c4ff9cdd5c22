package com.buildnest.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The progress display writes at most a line a second, with rate and time left, and a last line per step. */
class ProgressTests {

    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Progress progress = new Progress(new PrintStream(out, true, StandardCharsets.UTF_8), now::get);

    @Test
    void printsAtMostOneLineASecondWithRateAndTimeLeft() {
        progress.start("catalogue", 10_000, "products");
        for (int i = 0; i < 100; i++) {
            now.addAndGet(Duration.ofMillis(5).toNanos());
            progress.advance(10);
        }
        assertThat(lines()).isEmpty();

        now.addAndGet(Duration.ofMillis(500).toNanos());
        progress.advance(1_000);
        assertThat(lines()).containsExactly("[catalogue] 2,000 / 10,000 products (20%), 2,000 products/s, about 4 s left");

        now.addAndGet(Duration.ofMillis(3_000).toNanos());
        progress.advance(8_000);
        assertThat(progress.finish()).isEqualTo(Duration.ofSeconds(4));
        assertThat(lines()).containsExactly(
                "[catalogue] 2,000 / 10,000 products (20%), 2,000 products/s, about 4 s left",
                "[catalogue] 10,000 / 10,000 products (100%), 2,500 products/s, about 0 s left",
                "[catalogue] done: 10,000 products in 4.0 s");
    }

    private String[] lines() {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\n");
    }
}
