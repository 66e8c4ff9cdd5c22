package com.buildnest.platform.startup;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * In the {@code prod} profile, refuses to start — before any bean is created or any port is
 * opened — when a module reports an unsafe or missing setting, and then when the database cannot
 * be reached. It runs after the configuration (including mounted secret files) has been read.
 */
class ProductionSettingsGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String PRODUCTION_PROFILE = "prod";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            return;
        }
        List<String> problems = problemsIn(environment);
        if (!problems.isEmpty()) {
            throw new StartupRefused("BuildNest refuses to start in the prod profile with unsafe settings", problems,
                    "Set each setting named above, as an environment variable or as a file in the mounted secrets "
                            + "directory (buildnest.secrets-dir, default /run/secrets/buildnest), and start again.");
        }
        DatabaseReachability.from(environment).awaitOrRefuse();
    }

    static List<String> problemsIn(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        for (ProductionSettingsCheck check : SpringFactoriesLoader.forDefaultResourceLocation()
                .load(ProductionSettingsCheck.class)) {
            problems.addAll(check.problemsIn(environment));
        }
        return problems;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
