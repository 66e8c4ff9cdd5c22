package com.buildnest.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread, so a test can count what one
 * use case costs while scheduled jobs run their own statements on other threads (which the global
 * Hibernate statistics would add in).
 */
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** What {@code work} answered, and the statements it prepared on this thread, in order. */
    public record Counted<T>(T result, List<String> statements) {
    }

    /** The statements {@code work} prepared on this thread, in order. */
    public static <T> List<String> statementsOf(Supplier<T> work) {
        return counted(work).statements();
    }

    /** What {@code work} answered, with the statements it prepared on this thread. */
    public static <T> Counted<T> counted(Supplier<T> work) {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            return new Counted<>(work.get(), statements);
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public String inspect(String sql) {
        List<String> statements = RECORDING.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }
}
