package com.buildnest.customer;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings.
 *
 * @param jwt how access tokens are signed and checked
 * @param demoAdmin whether to create the demo administrator (embedded default only)
 */
@Validated
@ConfigurationProperties("buildnest.customer")
public record CustomerProperties(@Valid @NotNull @DefaultValue Jwt jwt, @DefaultValue("false") boolean demoAdmin) {

    /**
     * @param secret base64 of the HS512 signing secret, at least 64 bytes; required in prod, generated
     *        into the data directory otherwise
     * @param issuer the {@code iss} claim written and demanded
     * @param audience the {@code aud} claim written and demanded
     * @param accessTokenTtl lifetime of an access token (at most 15 minutes)
     */
    public record Jwt(String secret, @NotBlank @DefaultValue("buildnest") String issuer,
            @NotBlank @DefaultValue("buildnest-api") String audience,
            @NotNull @DefaultValue("15m") Duration accessTokenTtl) {
    }
}
