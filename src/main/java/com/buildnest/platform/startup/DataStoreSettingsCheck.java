package com.buildnest.platform.startup;

import static com.buildnest.platform.startup.ProductionSettingsCheck.isSet;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/** Production needs a real MySQL/MariaDB database with credentials, and a Redis server. */
class DataStoreSettingsCheck implements ProductionSettingsCheck {

    @Override
    public List<String> problemsIn(Environment environment) {
        List<String> problems = new ArrayList<>();
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            problems.add("spring.datasource.url (SPRING_DATASOURCE_URL) is not set: give the JDBC URL of the "
                    + "MariaDB or MySQL database, e.g. jdbc:mariadb://db:3306/buildnest.");
        } else if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
            problems.add("spring.datasource.url must point at MariaDB or MySQL in prod (jdbc:mariadb: or jdbc:mysql:); "
                    + "the embedded H2 database is only for trying BuildNest out.");
        }
        if (!isSet(environment, "spring.datasource.username")) {
            problems.add("spring.datasource.username (SPRING_DATASOURCE_USERNAME) is not set.");
        }
        if (!isSet(environment, "spring.datasource.password")) {
            problems.add("spring.datasource.password (SPRING_DATASOURCE_PASSWORD or the secret file "
                    + "spring.datasource.password) is not set.");
        }
        boolean redis = isSet(environment, "spring.data.redis.url") || isSet(environment, "spring.data.redis.host")
                || isSet(environment, "spring.data.redis.sentinel.nodes")
                || isSet(environment, "spring.data.redis.cluster.nodes");
        if (!redis) {
            problems.add("Redis is not configured: set spring.data.redis.url (SPRING_DATA_REDIS_URL), "
                    + "e.g. redis://redis:6379, or spring.data.redis.host.");
        }
        return problems;
    }
}
