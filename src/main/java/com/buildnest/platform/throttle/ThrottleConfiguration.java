package com.buildnest.platform.throttle;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import com.buildnest.platform.secrets.RedisCredentialsFromFiles;

import io.lettuce.core.RedisURI;

/**
 * Counts in Redis when {@code spring.data.redis.url} or {@code .host} is set, in process otherwise;
 * and decides, for the limits and for Tomcat alike, which proxies' forwarded headers are believed.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ThrottleConfiguration.class);
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ClientAddress clientAddress(ThrottleProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    /** Tomcat's view of forwarded headers, from the same trusted proxies as {@link #clientAddress}. */
    @Bean
    TrustedProxiesForTomcat trustedProxiesForTomcat(ThrottleProperties properties) {
        return new TrustedProxiesForTomcat(properties.trustedProxies());
    }

    @Bean(destroyMethod = "close")
    Throttles throttles(ThrottleProperties properties, Clock clock, Environment environment,
            ObjectProvider<DataRedisProperties> redisProperties,
            ObjectProvider<RedisCredentialsFromFiles> rotatingCredentials) {
        DataRedisProperties redis = redisProperties.getIfAvailable();
        boolean redisConfigured = StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
        if (redis == null || !redisConfigured) {
            log.info("Request throttling counts in process (no Redis configured)");
            return Throttles.inProcess(properties, clock);
        }
        RedisURI uri = redisUri(redis);
        // Rotated Redis passwords reach the limits' own connection as they reach the cache's.
        rotatingCredentials.ifAvailable(uri::setCredentialsProvider);
        log.info("Request throttling counts in Redis at {}:{}", uri.getHost(), uri.getPort());
        Duration connectTimeout = redis.getConnectTimeout() != null ? redis.getConnectTimeout()
                : DEFAULT_CONNECT_TIMEOUT;
        return Throttles.inRedis(properties, uri, connectTimeout, clock);
    }

    /** The same server Spring Data Redis talks to, from Boot's {@code spring.data.redis.*} settings. */
    static RedisURI redisUri(DataRedisProperties redis) {
        if (StringUtils.hasText(redis.getUrl())) {
            return RedisURI.create(redis.getUrl());
        }
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(redis.getHost())
                .withPort(redis.getPort())
                .withDatabase(redis.getDatabase())
                .withSsl(redis.getSsl().isEnabled());
        if (StringUtils.hasText(redis.getPassword())) {
            uri = StringUtils.hasText(redis.getUsername())
                    ? uri.withAuthentication(redis.getUsername(), redis.getPassword())
                    : uri.withPassword(redis.getPassword().toCharArray());
        }
        return uri.build();
    }
}
