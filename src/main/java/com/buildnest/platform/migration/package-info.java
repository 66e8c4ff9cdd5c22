/**
 * The {@code migrate} mode of the application jar, for operators and the migration test
 * ({@code ops/db/migration-test.sh}): applies, tags and rolls back the Liquibase changelog with each
 * changeset timed and its DDL probed for how it locks tables, and verifies a database's schema
 * against the changelog (every table, column, key, index and foreign key) and the JPA entities.
 * It runs without starting the shop, and reads the database from the standard
 * {@code SPRING_DATASOURCE_*} environment variables so a password never appears on a command line.
 */
@NamedInterface("migration")
package com.buildnest.platform.migration;

import org.springframework.modulith.NamedInterface;
