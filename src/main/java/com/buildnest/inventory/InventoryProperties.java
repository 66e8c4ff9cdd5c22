package com.buildnest.inventory;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Inventory settings.
 *
 * @param defaultLowStockThreshold the threshold of a SKU that has none of its own
 * @param releaseExpiredEvery how often expired reservations are released (the scheduler reads the same key)
 * @param reservationBatchSize how many expired reservations one transaction releases
 */
@Validated
@ConfigurationProperties("buildnest.inventory")
public record InventoryProperties(@Min(0) @Max(Inventory.MAX_QUANTITY) @DefaultValue("10") long defaultLowStockThreshold,
        @NotNull @DefaultValue("1m") Duration releaseExpiredEvery,
        @Min(1) @Max(10_000) @DefaultValue("100") int reservationBatchSize) {
}
