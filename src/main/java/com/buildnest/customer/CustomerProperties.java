package com.buildnest.customer;

import java.net.URI;
import java.nio.file.Path;
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
 * @param jwt how access tokens are signed, checked and rotated
 * @param sessions lifetimes of refresh tokens and password-reset tokens
 * @param social sign-in with Google or GitHub (active when Spring Security client registrations exist)
 * @param demoAdmin whether to create the demo administrator (embedded default only)
 */
@Validated
@ConfigurationProperties("buildnest.customer")
public record CustomerProperties(@Valid @NotNull @DefaultValue Jwt jwt, @Valid @NotNull @DefaultValue Sessions sessions,
        @Valid @NotNull @DefaultValue Social social, @DefaultValue("false") boolean demoAdmin) {

    /**
     * @param secret base64 of the HS512 signing secret, at least 64 bytes; read once at start
     * @param secretFile a file holding that base64 secret (a mounted Kubernetes Secret); re-read every
     *        {@code reloadInterval}, so replacing its content rotates the key without a restart. Takes
     *        precedence over {@code secret}. Without either, a development key is generated into the data
     *        directory (refused in prod)
     * @param issuer the {@code iss} claim written and demanded
     * @param audience the {@code aud} claim written and demanded
     * @param accessTokenTtl lifetime of an access token, at most 15 minutes
     * @param rotationGrace how long tokens signed with a replaced key stay valid
     * @param reloadInterval how often the secret file and emergency revocations are checked
     */
    public record Jwt(String secret, Path secretFile, @NotBlank @DefaultValue("buildnest") String issuer,
            @NotBlank @DefaultValue("buildnest-api") String audience,
            @NotNull @DefaultValue("15m") Duration accessTokenTtl,
            @NotNull @DefaultValue("15m") Duration rotationGrace,
            @NotNull @DefaultValue("30s") Duration reloadInterval) {

        public Jwt {
            if (accessTokenTtl != null && accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0) {
                throw new IllegalArgumentException("buildnest.customer.jwt.access-token-ttl is at most 15 minutes");
            }
        }
    }

    /**
     * @param refreshTokenTtl how long a refresh token may be used (each use replaces it)
     * @param passwordResetTtl how long a mailed password-reset link works
     * @param passwordResetUrl the page the reset link opens; the token is appended as {@code ?token=}
     */
    public record Sessions(@NotNull @DefaultValue("30d") Duration refreshTokenTtl,
            @NotNull @DefaultValue("15m") Duration passwordResetTtl,
            @NotNull @DefaultValue("http://localhost:8080/reset-password") URI passwordResetUrl) {
    }

    /**
     * @param redirectUri where a social sign-in ends; the token pair follows in the URL fragment
     *        ({@code #access_token=…&refresh_token=…&token_type=Bearer&expires_in=…}), or {@code #error=…}
     * @param githubEmailsUri GitHub's list of the user's addresses, asked for the verified primary one
     */
    public record Social(@NotNull @DefaultValue("/") URI redirectUri,
            @NotNull @DefaultValue("https://api.github.com/user/emails") URI githubEmailsUri) {
    }
}
