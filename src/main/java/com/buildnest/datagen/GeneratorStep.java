package com.buildnest.datagen;

import java.sql.SQLException;
import java.util.Set;

/**
 * One module's share of the generated data, written in one transaction. The generator runs the
 * steps so that each comes after the steps it {@link #requires()}, and a step finds what earlier
 * steps made (product ids, account ids) in {@link GeneratedData}. An orders step, for instance,
 * would require "catalogue", "inventory" and "customers", and add its own total to the options.
 */
interface GeneratorStep {

    /** A short name, shown in the progress display and used in {@link #requires()}. */
    String name();

    /** Names of the steps whose data this one refers to. */
    Set<String> requires();

    /** What the progress display counts, in the plural: "products", "accounts". */
    String unit();

    /** How many {@link #unit()}s this step will write. */
    long size(GenerationOptions options);

    /** Writes the step's rows through {@code context}, reporting each finished unit to its progress. */
    void generate(StepContext context) throws SQLException;
}
