package com.buildnest.datagen;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.buildnest.testing.ScratchDatabase;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A scratch database beside the suite's own (H2, or MariaDB under .ci/run), migrated by the real
 * changelog, for the generator to fill without disturbing the data other tests rely on.
 */
final class GeneratedDatabase implements AutoCloseable {

    final ScratchDatabase scratch;
    final DriverManagerDataSource dataSource;
    final JdbcTemplate jdbc;

    private GeneratedDatabase(ScratchDatabase scratch) {
        this.scratch = scratch;
        this.dataSource = new DriverManagerDataSource(scratch.url(), scratch.username(), scratch.password());
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static GeneratedDatabase migrated(Environment environment) throws Exception {
        GeneratedDatabase database = new GeneratedDatabase(ScratchDatabase.beside(environment));
        try (Connection connection = database.scratch.connect()) {
            new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)))
                    .update(new Contexts(), new LabelExpression());
        }
        return database;
    }

    long number(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    List<String> strings(String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    @Override
    public void close() throws SQLException {
        scratch.close();
    }
}
