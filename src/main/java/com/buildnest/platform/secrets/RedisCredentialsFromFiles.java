package com.buildnest.platform.secrets;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;

/**
 * Redis credentials as Lettuce asks for them at every connection handshake (the first one and
 * every reconnect): the mounted files {@code spring.data.redis.username} and
 * {@code spring.data.redis.password}, read afresh each time, else the configured ones. Rotation
 * therefore needs no restart: Redis accepts both passwords of the user during the switch
 * ({@code ACL SETUSER u >new}), connections made from then on authenticate with the new one,
 * connections already authenticated stay so, and once every replica has the new file the old
 * password is removed ({@code <old}); {@code ops/secrets/rotate-redis-password.sh} does all of it.
 * Also notices, every reload interval, that the file changed, for the audit log.
 */
public final class RedisCredentialsFromFiles implements RedisCredentialsProvider.ImmediateRedisCredentialsProvider {

    static final String USERNAME_FILE = "spring.data.redis.username";
    static final String PASSWORD_FILE = "spring.data.redis.password";
    private static final Logger log = LoggerFactory.getLogger(RedisCredentialsFromFiles.class);

    private final MountedSecrets secrets;
    private final String configuredUsername;
    private final String configuredPassword;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile String lastSeenPassword;

    RedisCredentialsFromFiles(MountedSecrets secrets, String configuredUsername, String configuredPassword,
            ApplicationEventPublisher events, Clock clock) {
        this.secrets = secrets;
        this.configuredUsername = configuredUsername;
        this.configuredPassword = configuredPassword;
        this.events = events;
        this.clock = clock;
        this.lastSeenPassword = secrets.read(PASSWORD_FILE).orElse(configuredPassword);
    }

    @Override
    public RedisCredentials resolveCredentialsNow() {
        String username = secrets.read(USERNAME_FILE).orElse(configuredUsername);
        String password = secrets.read(PASSWORD_FILE).orElse(configuredPassword);
        return RedisCredentials.just(username == null || username.isEmpty() ? null : username,
                password == null || password.isEmpty() ? null : password);
    }

    @Scheduled(fixedDelayString = "${buildnest.platform.secrets.reload-interval:30s}",
            initialDelayString = "${buildnest.platform.secrets.reload-interval:30s}")
    void noticeRotation() {
        try {
            Optional<String> password = secrets.read(PASSWORD_FILE);
            if (password.isPresent() && !Objects.equals(password.get(), lastSeenPassword)) {
                lastSeenPassword = password.get();
                log.info("The Redis password file changed: new connections authenticate with the new password");
                events.publishEvent(new SecretReloaded(RotatedSecret.REDIS.tag(),
                        "password for user " + resolveCredentialsNow().getUsername(), clock.instant()));
            }
        } catch (RuntimeException failure) {
            log.warn("Could not read the Redis password file: {}", failure.getMessage());
        }
    }

    @Override
    public String toString() {
        return "RedisCredentialsFromFiles[" + secrets + "]";
    }
}
