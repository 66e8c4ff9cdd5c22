package com.buildnest.platform;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the platform itself.
 *
 * @param dataDir where the embedded default keeps its H2 database and generated development keys
 * @param maxRequestBody the largest request body accepted; larger ones get 413
 * @param databaseWait how long a {@code prod} start waits for the database before giving up
 * @param secrets the mounted secrets directory and how rotated secrets are picked up and monitored
 */
@Validated
@ConfigurationProperties("buildnest.platform")
public record PlatformProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("1MB") DataSize maxRequestBody,
        @NotNull @DefaultValue("30s") Duration databaseWait,
        @Valid @NotNull @DefaultValue Secrets secrets) {

    /**
     * @param dir the mounted secrets directory (one file per property); none in the embedded default,
     *        {@code buildnest.secrets-dir} in {@code prod}
     * @param reloadInterval how often each replica looks for rotated database and payment secrets
     * @param rotationGrace how long a replaced Razorpay key secret or webhook secret still verifies
     *        signatures (webhooks and checkout callbacks signed just before the switch)
     * @param maxAge the rotation schedule of each secret, exported beside its age
     */
    public record Secrets(Path dir, @NotNull @DefaultValue("30s") Duration reloadInterval,
            @NotNull @DefaultValue("1h") Duration rotationGrace, @Valid @NotNull @DefaultValue MaxAge maxAge) {
    }

    /** How old each secret may grow before it is due for rotation. */
    public record MaxAge(@NotNull @DefaultValue("90d") Duration jwt, @NotNull @DefaultValue("180d") Duration database,
            @NotNull @DefaultValue("90d") Duration redis, @NotNull @DefaultValue("90d") Duration razorpay) {
    }
}
