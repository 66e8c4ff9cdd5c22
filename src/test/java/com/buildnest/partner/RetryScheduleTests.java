package com.buildnest.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The waits between attempts of a delivery, as the default settings make them. */
class RetryScheduleTests {

    static PartnerProperties withJitter(int percent) {
        return new PartnerProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(5),
                new PartnerProperties.Delivery(Duration.ofSeconds(10), 50, 8, Duration.ofMinutes(1), 4,
                        Duration.ofHours(12), percent, Duration.ofDays(30)),
                5, Duration.ofHours(24), Duration.ofSeconds(5));
    }

    static Duration delayAfter(int attempt, PartnerProperties properties) {
        return new WebhookSender(null, null, properties, null, null).retryDelay(attempt);
    }

    @Test
    void waitsGrowFourfoldFromAMinuteUpToTwelveHours() {
        List<Duration> waits = IntStream.rangeClosed(1, 7).mapToObj(attempt -> delayAfter(attempt, withJitter(0)))
                .toList();

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(4), Duration.ofMinutes(16),
                Duration.ofMinutes(64), Duration.ofMinutes(256), Duration.ofHours(12), Duration.ofHours(12));
        assertThat(delayAfter(40, withJitter(0))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void jitterOnlyLengthensAWaitAndByAtMostItsShare() {
        for (int i = 0; i < 200; i++) {
            assertThat(delayAfter(2, withJitter(20))).isBetween(Duration.ofMinutes(4),
                    Duration.ofMinutes(4).plusSeconds(48));
        }
        assertThat(IntStream.range(0, 50).mapToObj(i -> delayAfter(2, withJitter(20))).distinct().count())
                .as("spread out, not in lockstep").isGreaterThan(1);
    }
}
