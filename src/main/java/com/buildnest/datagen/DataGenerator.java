package com.buildnest.datagen;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.buildnest.ordering.OrderingProperties;

/**
 * Runs the generator steps in an order that puts each after the steps it requires, each in a
 * transaction of its own, refusing a database that already has products unless asked to append.
 */
final class DataGenerator {

    /** What a run wrote: rows per table, the data the steps made, and how long it took. */
    record Report(Map<String, Long> rowsPerTable, GeneratedData data, Duration took) {
    }

    private final DataSource dataSource;
    private final List<GeneratorStep> steps;
    private final PrintStream out;

    DataGenerator(DataSource dataSource, List<GeneratorStep> steps, PrintStream out) {
        this.dataSource = dataSource;
        this.steps = ordered(steps);
        this.out = out;
    }

    /** The steps for every module that has tables today, in no particular order. */
    static List<GeneratorStep> standardSteps(String passwordHash, OrderingProperties ordering) {
        return List.of(new CustomerStep(passwordHash), new InventoryStep(), new CatalogueStep(), new OrderStep(ordering),
                new PaymentStep(), new ReviewStep(), new AnalyticsStep());
    }

    List<String> stepNames() {
        return steps.stream().map(GeneratorStep::name).toList();
    }

    Report generate(GenerationOptions options) throws SQLException, GenerationRefused {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            long products = number(connection, "SELECT COUNT(*) FROM catalog_product");
            if (products > 0 && !options.append()) {
                throw new GenerationRefused("the database already has " + products + " products; generate into an"
                        + " empty database, or pass --append to add to them");
            }
        }
        Progress progress = new Progress(out, System::nanoTime);
        GeneratedData data = new GeneratedData();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (GeneratorStep step : steps) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                progress.start(step.name(), step.size(options), step.unit());
                try {
                    step.generate(new StepContext(step.name(), options, data, connection, progress, rows));
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
                progress.finish();
            }
        }
        return new Report(rows, data, Duration.ofNanos(System.nanoTime() - started));
    }

    static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The steps with each one after those it requires; the given order breaks ties. */
    private static List<GeneratorStep> ordered(List<GeneratorStep> steps) {
        List<GeneratorStep> ordered = new ArrayList<>();
        List<GeneratorStep> waiting = new ArrayList<>(steps);
        while (!waiting.isEmpty()) {
            GeneratorStep next = waiting.stream().filter(step -> step.requires().stream()
                    .allMatch(name -> ordered.stream().anyMatch(done -> done.name().equals(name))))
                    .findFirst().orElseThrow(() -> new IllegalStateException("generator steps "
                            + waiting.stream().map(GeneratorStep::name).toList()
                            + " require steps that are missing or require each other"));
            ordered.add(next);
            waiting.remove(next);
        }
        return ordered;
    }
}
