package com.buildnest.datagen;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.buildnest.ordering.OrderingProperties;

/**
 * The {@code generate} mode of the application jar: starts BuildNest without opening a port (so
 * Liquibase migrates the database first), disables the demo catalogue and demo administrator,
 * runs the {@link DataGenerator}, rebuilds the search index from the database and checks that it
 * holds every row, then exits with 0 (done), 1 (failed), 2 (bad arguments) or 3 (refused).
 */
public final class DataGeneration {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int REFUSED = 3;

    private static final String MODE = "generate";

    private DataGeneration() {
    }

    /** Whether the command line asks for this mode: its first argument is {@code generate}. */
    public static boolean isRequested(String... arguments) {
        return arguments.length > 0 && arguments[0].equals(MODE);
    }

    /**
     * Runs the mode with the whole command line ({@code generate …}) on the given application
     * class (passed in, so this module does not depend on the root package); returns the exit code.
     */
    public static int run(Class<?> application, String... arguments) {
        return run(application, Arrays.asList(arguments).subList(1, arguments.length), System.out, System.err);
    }

    static int run(Class<?> applicationClass, List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(GenerationOptions.USAGE);
            return DONE;
        }
        GenerationOptions options;
        try {
            options = GenerationOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        if (!options.allowProd() && prodNamed(options.springArguments())) {
            err.println("generate: refused: the prod profile is active; generated data is for staging and"
                    + " benchmarks. Pass --allow-prod if this really is a staging copy.");
            return REFUSED;
        }
        try (ConfigurableApplicationContext context = start(applicationClass, options)) {
            String passwordHash = context.getBean(PasswordEncoder.class).encode(options.password());
            DataGenerator generator = new DataGenerator(context.getBean(DataSource.class),
                    DataGenerator.standardSteps(passwordHash, context.getBean(OrderingProperties.class)), err);
            DataGenerator.Report report = generator.generate(options);
            long indexed = options.skipIndex() ? -1 : rebuildSearchIndex(context.getBean(EntityManagerFactory.class), err);
            out.printf(Locale.ROOT, "Generated %,d products, %,d accounts and %,d orders (seed %d) in %.1f s; rows"
                    + " written:%n", report.data().products.size(), report.data().accounts.size(),
                    report.data().orders.size(), options.seed(),
                    report.took().toMillis() / 1000.0);
            report.rowsPerTable().forEach((table, rows) -> out.printf(Locale.ROOT, "  %-28s %,12d%n", table, rows));
            if (options.skipIndex()) {
                out.println("Search index: not rebuilt (--skip-index); BuildNest rebuilds it when it starts.");
            } else {
                out.printf(Locale.ROOT, "Search index: %,d documents, matching the database.%n", indexed);
            }
            out.printf(Locale.ROOT, "Every generated account's password: %s%n", options.password());
            return DONE;
        } catch (GenerationRefused e) {
            err.println("generate: refused: " + e.getMessage());
            return REFUSED;
        } catch (Exception e) {
            err.println("generate: failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    /** Starts BuildNest with this mode's settings ({@link #generatorSettings}) and the command line's Spring arguments. */
    static ConfigurableApplicationContext start(Class<?> applicationClass, GenerationOptions options) {
        SpringApplication application = new SpringApplication(applicationClass);
        application.addListeners(generatorSettings(options));
        return application.run(options.springArguments().toArray(String[]::new));
    }

    /**
     * Rebuilds the index of every indexed entity from the database (purging what was there: rows
     * written by SQL never reach it otherwise) and checks each index holds as many documents as
     * its table has rows. Returns the number of documents.
     */
    private static long rebuildSearchIndex(EntityManagerFactory entityManagerFactory, PrintStream err)
            throws InterruptedException {
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            for (var entity : mapping.allIndexedEntities()) {
                rows.put(entity.jpaName(), entityManager.createQuery("select count(e) from " + entity.jpaName() + " e",
                        Long.class).getSingleResult());
            }
        }
        Progress progress = new Progress(err, System::nanoTime);
        progress.start("search index", rows.values().stream().mapToLong(Long::longValue).sum(), "documents");
        mapping.scope(Object.class).massIndexer().threadsToLoadObjects(2).mergeSegmentsOnFinish(true).monitor(new MassIndexingMonitor() {
            @Override
            public void documentsAdded(long count) {
                progress.advance(count);
            }

            @Override
            public void documentsBuilt(long count) {
            }

            @Override
            public void entitiesLoaded(long count) {
            }

            @Override
            public void indexingCompleted() {
            }
        }).startAndWait();
        progress.finish();
        long documents = 0;
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(entityManager);
            for (var entity : mapping.allIndexedEntities()) {
                long inIndex = session.search(entity.javaClass()).where(f -> f.matchAll()).fetchTotalHitCount();
                if (inIndex != rows.get(entity.jpaName())) {
                    throw new IllegalStateException("the search index holds " + inIndex + " " + entity.jpaName()
                            + " documents but the table has " + rows.get(entity.jpaName()) + " rows");
                }
                documents += inIndex;
            }
        }
        return documents;
    }

    /** Whether the prod profile is named on the command line, in the environment or a system property. */
    private static boolean prodNamed(List<String> springArguments) {
        String fromArguments = springArguments.stream().filter(argument -> argument.startsWith("--spring.profiles.active="))
                .reduce((first, last) -> last).map(argument -> argument.substring(argument.indexOf('=') + 1))
                .orElse("");
        return List.of(fromArguments, System.getProperty("spring.profiles.active", ""),
                String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE"))).stream()
                .flatMap(profiles -> Arrays.stream(profiles.split(","))).anyMatch(profile -> profile.strip().equals("prod"));
    }

    /**
     * Settings of this mode, above every other source: no demo data (the generator writes only its
     * own), no "ready at http://…" announcement; and a last check for a prod profile that a
     * configuration file, rather than the command line, switched on.
     */
    private static ApplicationListener<ApplicationEnvironmentPreparedEvent> generatorSettings(GenerationOptions options) {
        return event -> {
            ConfigurableEnvironment environment = event.getEnvironment();
            if (!options.allowProd() && environment.matchesProfiles("prod")) {
                throw new IllegalStateException("generate: refused: the prod profile is active (pass --allow-prod"
                        + " for a staging copy)");
            }
            environment.getPropertySources().addFirst(new MapPropertySource("generate mode", Map.of(
                    "buildnest.catalog.demo-catalogue", "false",
                    "buildnest.customer.demo-admin", "false",
                    "spring.main.banner-mode", "off",
                    "server.port", "-1",              // a web context (security needs one) but no open port
                    "management.server.port", "-1",
                    "buildnest.platform.scheduling.enabled", "false", // no job acts on rows being written
                    "logging.level.com.buildnest.platform.ReadyAnnouncement", "warn",
                    "logging.level.org.hibernate.search.mapper.massindexing", "warn"))); // the progress display says it
        };
    }
}
