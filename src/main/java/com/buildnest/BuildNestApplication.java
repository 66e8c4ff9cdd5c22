package com.buildnest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import com.buildnest.datagen.DataGeneration;
import com.buildnest.platform.migration.DatabaseMigration;

/**
 * BuildNest: a shop for building materials. Each direct sub-package is an application module
 * (see its {@code package-info.java}); {@code shared} is the kernel every module may use.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class BuildNestApplication {

    public static void main(String[] args) {
        if (DataGeneration.isRequested(args)) { // java -jar buildnest.jar generate --help
            System.exit(DataGeneration.run(BuildNestApplication.class, args));
        }
        if (DatabaseMigration.isRequested(args)) { // java -jar buildnest.jar migrate --help
            System.exit(DatabaseMigration.run(args));
        }
        SpringApplication.run(BuildNestApplication.class, args);
    }
}
