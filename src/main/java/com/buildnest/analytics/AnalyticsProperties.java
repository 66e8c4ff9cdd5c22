package com.buildnest.analytics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sales reporting settings.
 *
 * @param topProducts how many products the dashboard ranks by revenue
 * @param defaultDays the range, in days up to and including today, of a dashboard asked for without dates
 */
@Validated
@ConfigurationProperties("buildnest.analytics")
public record AnalyticsProperties(@Min(1) @Max(100) @DefaultValue("10") int topProducts,
        @Min(1) @Max(DashboardRange.MAX_DAYS) @DefaultValue("30") int defaultDays) {
}
