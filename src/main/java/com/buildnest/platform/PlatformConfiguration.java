package com.buildnest.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans every module may inject, scheduling for periodic work and asynchronous after-commit work. */
@Configuration
@EnableAsync
class PlatformConfiguration {

    /**
     * The modules' periodic jobs (reservation expiry, refunds owed, secret reloads, partner
     * deliveries…). On unless {@code buildnest.platform.scheduling.enabled=false}: the data
     * generator turns them off, so that no job acts on rows while they are being written. This must
     * stay the only {@code @EnableScheduling}: Spring Modulith's Moments carries one of its own, which
     * is why the pom leaves it out ({@code DataGenerationTests} checks that no job is scheduled).
     */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "buildnest.platform.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }

    /** The one source of "now", so that tests can fix time instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
