package com.buildnest.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.buildnest.platform.throttle.ThrottleProperties.Limit;
import com.buildnest.testing.MovableClock;

/** Limits counted in this process, as in the embedded default: a token bucket per limit and key. */
class InProcessThrottlesTests {

    private final MovableClock clock = new MovableClock();
    private final Throttles throttles = Throttles.inProcess(
            limits(Map.of("quote-requests", new Limit(3, Duration.ofSeconds(30)))), clock);

    @Test
    void allowsTheCapacityThenRefusesWithTheTimeUntilTheNextAttempt() {
        consumeTimes(3, "quote-requests", "203.0.113.9");

        assertThatThrownBy(() -> throttles.consume("quote-requests", "203.0.113.9"))
                .isInstanceOfSatisfying(Throttled.class, refused -> {
                    assertThat(refused.limit()).isEqualTo("quote-requests");
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(refused.retryAfterSeconds()).isEqualTo(10);
                    assertThat(refused.getMessage()).doesNotContain("203.0.113.9");
                });
    }

    @Test
    void refillsOneAttemptPerShareOfThePeriodAndAllOfThemAfterThePeriod() {
        consumeTimes(3, "quote-requests", "203.0.113.9");

        clock.advance(Duration.ofSeconds(10));
        consumeTimes(1, "quote-requests", "203.0.113.9");
        assertThatThrownBy(() -> throttles.consume("quote-requests", "203.0.113.9")).isInstanceOf(Throttled.class);

        clock.advance(Duration.ofSeconds(30));
        consumeTimes(3, "quote-requests", "203.0.113.9");
        assertThatThrownBy(() -> throttles.consume("quote-requests", "203.0.113.9")).isInstanceOf(Throttled.class);
    }

    @Test
    void refusedAttemptsDoNotPostponeTheRefill() {
        consumeTimes(3, "quote-requests", "203.0.113.9");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> throttles.consume("quote-requests", "203.0.113.9")).isInstanceOf(Throttled.class);
        }
        clock.advance(Duration.ofSeconds(10));
        assertThatCode(() -> throttles.consume("quote-requests", "203.0.113.9")).doesNotThrowAnyException();
    }

    @Test
    void eachKeyAndEachLimitHasItsOwnBucket() {
        consumeTimes(3, "quote-requests", "203.0.113.9");

        consumeTimes(3, "quote-requests", "198.51.100.4");
        consumeTimes(5, "login-account", "203.0.113.9");
        assertThatThrownBy(() -> throttles.consume("quote-requests", "203.0.113.9")).isInstanceOf(Throttled.class);
    }

    @Test
    void defaultLimitsAreInForceWithoutConfiguration() {
        Throttles byDefault = Throttles.inProcess(limits(Map.of()), clock);
        consumeTimes(byDefault, 5, "login-account", "buyer@example.in");

        assertThatThrownBy(() -> byDefault.consume("login-account", "buyer@example.in"))
                .isInstanceOfSatisfying(Throttled.class,
                        refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12)));
    }

    @Test
    void unknownLimitNameIsAProgrammingErrorAndConsumesNothing() {
        assertThatThrownBy(() -> throttles.consume("login-ipp", "203.0.113.9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'login-ipp'")
                .hasMessageContaining("login-ip,");
        consumeTimes(20, "login-ip", "203.0.113.9");
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndNeverZero() {
        assertThat(new Throttled("login-ip", Duration.ofMillis(1200)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new Throttled("login-ip", Duration.ofSeconds(3)).retryAfterSeconds()).isEqualTo(3);
        assertThat(new Throttled("login-ip", Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Throttled("login-ip", Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }

    private static ThrottleProperties limits(Map<String, Limit> limits) {
        return new ThrottleProperties(limits, List.of(), Duration.ofMillis(200), 1_000, "buildnest:throttle:");
    }

    private void consumeTimes(int times, String limit, String key) {
        consumeTimes(throttles, times, limit, key);
    }

    private static void consumeTimes(Throttles throttles, int times, String limit, String key) {
        for (int i = 0; i < times; i++) {
            assertThatCode(() -> throttles.consume(limit, key)).as("attempt %d of %s", i + 1, limit)
                    .doesNotThrowAnyException();
        }
    }
}
