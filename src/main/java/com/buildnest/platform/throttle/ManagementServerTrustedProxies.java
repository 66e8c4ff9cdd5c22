package com.buildnest.platform.throttle;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The same trusted proxies for the management server's Tomcat as for the public one. With Actuator on a
 * port of its own ({@code management.server.port}, 8081 in {@code prod}) Spring Boot starts a second
 * Tomcat in a child context, with its own {@code RemoteIpValve} that trusts every private address range
 * and never sees {@link ThrottleConfiguration}'s customizer. Spring Boot builds that child context from
 * {@code META-INF/spring/…ManagementContextConfiguration.imports}, which lists this class.
 *
 * <p>Component scanning finds this class as well, since it is a {@code @Configuration} under
 * {@code com.buildnest}; {@link InTheManagementServerContext} keeps it out of the application's own
 * context, whose Tomcat {@link ThrottleConfiguration} has already customized.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Conditional(ManagementServerTrustedProxies.InTheManagementServerContext.class)
class ManagementServerTrustedProxies {

    @Bean
    TrustedProxiesForTomcat trustedProxiesForManagementTomcat(ThrottleProperties properties) {
        return new TrustedProxiesForTomcat(properties.trustedProxies());
    }

    /** The management server's context is a child of the application's; the application's has no parent. */
    static final class InTheManagementServerContext implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getBeanFactory() != null && context.getBeanFactory().getParentBeanFactory() != null;
        }
    }
}
