package com.buildnest.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans every module may inject, scheduling for periodic work and asynchronous after-commit work. */
@Configuration
@EnableScheduling
@EnableAsync
class PlatformConfiguration {

    /** The one source of "now", so that tests can fix time instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
