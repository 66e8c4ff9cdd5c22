package com.buildnest.platform;

import java.nio.file.Path;
import java.time.Duration;

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
 */
@Validated
@ConfigurationProperties("buildnest.platform")
public record PlatformProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("1MB") DataSize maxRequestBody,
        @NotNull @DefaultValue("30s") Duration databaseWait) {
}
