package com.buildnest.platform.migration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate's own check ({@code ddl-auto=validate}) that every entity's table and column exists
 * with a compatible type, run with the application's JPA settings (naming, time zone, types from
 * {@code application.yaml}) but nothing else of the shop: only a data source and the entity
 * manager, no Liquibase, no search index, no web server. Fails with Hibernate's message.
 */
final class EntityValidation {

    private EntityValidation() {
    }

    static void validate(String url, String username, String password) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(EntitiesOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username, "--spring.datasource.password=" + password,
                "--spring.jpa.hibernate.ddl-auto=validate", "--spring.liquibase.enabled=false",
                "--spring.jpa.properties.hibernate.search.enabled=false", "--spring.main.lazy-initialization=false",
                "--logging.level.root=warn")) {
            context.getId(); // started means validated
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class })
    @EntityScan("com.buildnest")
    static class EntitiesOnly {
    }
}
