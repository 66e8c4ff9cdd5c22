package com.buildnest.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.buildnest.platform.throttle.ThrottleProperties.Limit;

/** The throttling settings as an operator writes them, bound as Spring Boot binds them. */
class ThrottlePropertiesTests {

    @Test
    void withoutSettingsTheAccountLimitsAreInForceAndNoProxyIsTrusted() {
        ThrottleProperties properties = bind(Map.of());

        assertThat(properties.limits()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "login-ip", new Limit(20, Duration.ofMinutes(1)),
                "login-account", new Limit(5, Duration.ofMinutes(1)),
                "register-ip", new Limit(5, Duration.ofMinutes(10)),
                "password-forgot-ip", new Limit(5, Duration.ofMinutes(10)),
                "password-forgot-account", new Limit(3, Duration.ofHours(1)),
                "refresh-ip", new Limit(60, Duration.ofMinutes(1))));
        assertThat(properties.trustedProxies()).isEmpty();
        assertThat(properties.redisTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.localMaxKeys()).isEqualTo(100_000);
    }

    @Test
    void oneValueOfABuiltInLimitCanBeChangedAndTheOtherKeepsItsDefault() {
        ThrottleProperties properties = bind(Map.of(
                "buildnest.platform.throttle.limits.login-ip.capacity", "50",
                "buildnest.platform.throttle.limits.refresh-ip.period", "30s"));

        assertThat(properties.limits().get("login-ip")).isEqualTo(new Limit(50, Duration.ofMinutes(1)));
        assertThat(properties.limits().get("refresh-ip")).isEqualTo(new Limit(60, Duration.ofSeconds(30)));
    }

    @Test
    void newLimitsAndTrustedProxiesAreAdded() {
        ThrottleProperties properties = bind(Map.of(
                "buildnest.platform.throttle.limits.quote-requests.capacity", "10",
                "buildnest.platform.throttle.limits.quote-requests.period", "1h",
                "buildnest.platform.throttle.trusted-proxies", "10.0.0.0/8, fd00::/8"));

        assertThat(properties.limits()).containsEntry("quote-requests", new Limit(10, Duration.ofHours(1)))
                .containsKey("login-ip");
        assertThat(properties.trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
    }

    @Test
    void newLimitWithoutAPeriodIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("buildnest.platform.throttle.limits.quote-requests.capacity", "10")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("buildnest.platform.throttle.limits.quote-requests.period must be positive");
    }

    @Test
    void emptyBucketsAreRefused() {
        assertThatThrownBy(() -> bind(Map.of("buildnest.platform.throttle.limits.login-ip.capacity", "0")))
                .rootCause().hasMessage("buildnest.platform.throttle.limits.login-ip.capacity must be at least 1");
    }

    private static ThrottleProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("buildnest.platform.throttle", ThrottleProperties.class);
    }
}
