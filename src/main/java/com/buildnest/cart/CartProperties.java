package com.buildnest.cart;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cart settings.
 *
 * @param maxLines how many lines (products) one cart may hold
 * @param guestIdleTime how long a guest cart may lie untouched before it is purged
 * @param purgeEvery how often idle guest carts are purged (the scheduler reads the same key)
 * @param purgeBatchSize how many carts one purge transaction deletes
 */
@Validated
@ConfigurationProperties("buildnest.cart")
public record CartProperties(@Min(1) @Max(1000) @DefaultValue("100") int maxLines,
        @NotNull @DefaultValue("30d") Duration guestIdleTime,
        @NotNull @DefaultValue("1h") Duration purgeEvery,
        @Min(1) @Max(10_000) @DefaultValue("500") int purgeBatchSize) {
}
