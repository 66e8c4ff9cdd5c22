package com.buildnest.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import com.buildnest.BuildNestApplication;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.OpsScript;
import com.buildnest.testing.ScratchDatabase;

/**
 * The {@code generate} mode as an operator runs it, and its wrapper script: it migrates an empty
 * database, fills it, leaves a search index that holds every product, and exits with a code that
 * says what happened. (The suite's shared context only supplies the database settings.)
 */
@BuildNestTest
class DataGenerationTests {

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext shop;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void migratesAnEmptyDatabaseFillsItAndIndexesEveryProduct(@TempDir Path dataDir) throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            int exit = run("--users=20", "--products=120", "--orders=0", "--seed=5", "--spring.datasource.url=" + scratch.url(),
                    "--spring.datasource.username=" + scratch.username(),
                    "--spring.datasource.password=" + scratch.password(), "--buildnest.platform.data-dir=" + dataDir);

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(DataGeneration.DONE);
            assertThat(text(out)).contains("Generated 120 products, 20 accounts and 0 orders (seed 5)",
                    "Search index: 120 documents, matching the database.");
            assertThat(text(err)).contains("[catalogue] done: 120 products", "[search index] done: 120 documents");
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(scratch.url(), scratch.username(),
                    scratch.password()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM catalog_product", Long.class)).isEqualTo(120);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_account", Long.class))
                    .as("no demo administrator beside the generated accounts").isEqualTo(20);
        }
    }

    /**
     * Jobs such as the owed-refunds run would act on rows while they are written, and ask the
     * gateway about payments it never saw. The shop itself, started normally, schedules them.
     */
    @Test
    void schedulesNoneOfTheShopsJobs(@TempDir Path dataDir) throws Exception {
        assertThat(scheduledJobs(shop)).contains("com.buildnest.ordering.Refunds.payEverythingOwed");
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment);
                ConfigurableApplicationContext generating = DataGeneration.start(BuildNestApplication.class,
                        GenerationOptions.parse(List.of("--spring.datasource.url=" + scratch.url(),
                                "--spring.datasource.username=" + scratch.username(),
                                "--spring.datasource.password=" + scratch.password(),
                                "--buildnest.platform.data-dir=" + dataDir)))) {
            assertThat(scheduledJobs(generating)).isEmpty();
        }
    }

    private static List<String> scheduledJobs(ApplicationContext context) {
        return context.getBeanProvider(ScheduledTaskHolder.class).stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable().toString()).toList();
    }

    @Test
    void theApplicationShowsGeneratedOrdersToTheirBuyerAndTheirRevenueOnTheDashboard(@TempDir Path dataDir)
            throws Exception {
        try (ScratchDatabase scratch = ScratchDatabase.beside(environment)) {
            String[] database = { "--spring.datasource.url=" + scratch.url(),
                    "--spring.datasource.username=" + scratch.username(),
                    "--spring.datasource.password=" + scratch.password(), "--buildnest.platform.data-dir=" + dataDir };
            List<String> arguments = new ArrayList<>(List.of("--users=15", "--products=60", "--orders=150", "--seed=4",
                    "--skip-index"));
            arguments.addAll(List.of(database));
            assertThat(run(arguments.toArray(String[]::new))).as(text(err)).isEqualTo(DataGeneration.DONE);
            assertThat(text(out)).contains("Generated 60 products, 15 accounts and 150 orders (seed 4)",
                    "Search index: not rebuilt (--skip-index)");
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(scratch.url(), scratch.username(),
                    scratch.password()));
            Map<String, Object> buyer = jdbc.queryForMap("""
                    SELECT a.username AS username, COUNT(*) AS orders FROM customer_account a
                    JOIN ordering_order o ON o.account_id = a.id WHERE a.enabled
                    GROUP BY a.username ORDER BY COUNT(*) DESC, a.username LIMIT 1""");
            long paidPaise = jdbc.queryForObject(
                    "SELECT SUM(total_paise) FROM ordering_order WHERE invoice_number IS NOT NULL", Long.class);
            long paidOrders = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM ordering_order WHERE invoice_number IS NOT NULL", Long.class);

            List<String> application = new ArrayList<>(List.of(database));
            application.addAll(List.of("--server.port=0", "--buildnest.customer.demo-admin=true",
                    "--buildnest.catalog.demo-catalogue=false", "--spring.cache.redis.key-prefix=" + scratch.name() + ":",
                    "--spring.main.banner-mode=off"));
            try (ConfigurableApplicationContext app = new SpringApplication(BuildNestApplication.class)
                    .run(application.toArray(String[]::new))) {
                ApiClient api = new ApiClient(app.getEnvironment());
                String customer = signIn(api, (String) buyer.get("username"), GenerationOptions.DEFAULT_PASSWORD);
                ApiClient.Response orders = api.get("/api/orders?size=100", customer);
                assertThat(orders.status()).as(orders.body()).isEqualTo(200);
                assertThat(orders.json().get("page").get("totalElements").asLong())
                        .isEqualTo(((Number) buyer.get("orders")).longValue());
                String number = orders.json().get("content").get(0).get("orderNumber").asString();
                assertThat(api.get("/api/orders/" + number, customer).status()).isEqualTo(200);

                String admin = signIn(api, "admin", Files.readString(dataDir.resolve("demo-admin-password")).strip());
                ApiClient.Response dashboard = api.get("/api/admin/analytics/dashboard?from=2025-11-01&to=2026-10-31",
                        admin);
                assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
                assertThat(dashboard.json().get("totals").get("revenue").get("amount").asString())
                        .isEqualTo(BigDecimal.valueOf(paidPaise, 2).toPlainString());
                assertThat(dashboard.json().get("totals").get("orders").asLong()).isEqualTo(paidOrders);
            }
        }
    }

    private static String signIn(ApiClient api, String username, String password) {
        ApiClient.Response response = api.postJson("/api/auth/login",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("accessToken").asString();
    }

    @Test
    void refusesTheProdProfileBeforeTouchingAnyDatabase() {
        assertThat(run("--products=10", "--spring.profiles.active=services,prod")).isEqualTo(DataGeneration.REFUSED);
        assertThat(text(err)).contains("refused: the prod profile is active");
    }

    @Test
    void rejectsUnknownOptionsAndPrintsItsUsage() {
        assertThat(run("--product=10")).isEqualTo(DataGeneration.BAD_ARGUMENTS);
        assertThat(text(err)).contains("unknown option --product=10");
        assertThat(run("--users=many")).isEqualTo(DataGeneration.BAD_ARGUMENTS);
        assertThat(run("--help")).isEqualTo(DataGeneration.DONE);
        assertThat(text(out)).contains("--products=N", "--orders=N", "--seed=N", "--append", "--skip-index");
    }

    @Test
    void theWrapperScriptPassesItsOptionsToTheJarAndRefusesBadOnes() throws Exception {
        assertThat(OpsScript.run("data/generate.sh", "--help")).contains("Usage: ops/data/generate.sh");
        OpsScript.run("data/generate.sh", "--dry-run", "--users", "5", "--products", "10", "--orders", "0", "--seed",
                "9", "--append", "--skip-index", "--url", "jdbc:h2:mem:nowhere");
        assertThatThrownBy(() -> OpsScript.run("data/generate.sh", "--users", "many"))
                .hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> OpsScript.run("data/generate.sh", "--orders", "-5"))
                .hasMessageContaining("exited with 1");
    }

    private int run(String... arguments) {
        return DataGeneration.run(BuildNestApplication.class, List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
