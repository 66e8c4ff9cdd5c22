package com.buildnest.platform.secrets;

import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.RedisCredentialsProviderFactory;
import org.springframework.util.StringUtils;

import com.buildnest.platform.PlatformProperties;
import com.zaxxer.hikari.HikariDataSource;

import io.lettuce.core.RedisURI;

/**
 * The mounted secrets directory for every module, and — when there is one — the reloading of the
 * database and Redis credentials from it and the secret-age metrics.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final String MOUNTED = "buildnest.platform.secrets.dir";

    @Bean
    MountedSecrets mountedSecrets(PlatformProperties properties) {
        return new MountedSecrets(properties.secrets().dir());
    }

    @Bean
    @ConditionalOnProperty(MOUNTED)
    SecretAges secretAges(MountedSecrets secrets, PlatformProperties properties, Clock clock) {
        return new SecretAges(secrets, properties.secrets().maxAge(), clock);
    }

    @Bean
    @ConditionalOnProperty(MOUNTED)
    DatabaseCredentials databaseCredentials(DataSource dataSource, MountedSecrets secrets,
            ApplicationEventPublisher events, Clock clock) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            throw new IllegalStateException("Reloading database credentials needs the Hikari connection pool");
        }
        return new DatabaseCredentials(dataSource.unwrap(HikariDataSource.class), secrets, events, clock);
    }

    @Bean
    @ConditionalOnProperty(MOUNTED)
    RedisCredentialsFromFiles redisCredentials(MountedSecrets secrets, ObjectProvider<DataRedisProperties> redis,
            ApplicationEventPublisher events, Clock clock) {
        DataRedisProperties settings = redis.getIfAvailable(DataRedisProperties::new);
        String username = settings.getUsername();
        String password = settings.getPassword();
        if (StringUtils.hasText(settings.getUrl())) {
            RedisURI uri = RedisURI.create(settings.getUrl());
            username = uri.getUsername();
            password = uri.getPassword() == null ? null : new String(uri.getPassword());
        }
        return new RedisCredentialsFromFiles(secrets, username, password, events, clock);
    }

    /** Spring Data Redis's connections (the cache) ask the files at every handshake. */
    @Bean
    @ConditionalOnProperty(MOUNTED)
    LettuceClientConfigurationBuilderCustomizer redisCredentialsFromFiles(RedisCredentialsFromFiles credentials) {
        RedisCredentialsProviderFactory factory = new RedisCredentialsProviderFactory() {
            @Override
            public io.lettuce.core.RedisCredentialsProvider createCredentialsProvider(
                    org.springframework.data.redis.connection.RedisConfiguration configuration) {
                return credentials;
            }
        };
        return builder -> builder.redisCredentialsProviderFactory(factory);
    }
}
