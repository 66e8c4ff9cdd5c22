/**
 * The production-scale data generator, an operations tool rather than a part of the shop: run as
 * {@code java -jar buildnest.jar generate --users=10000 --products=50000 --seed=1} (or
 * {@code ops/data/generate.sh}), it migrates the database, fills it with realistic, referentially
 * consistent data in ordered {@link com.buildnest.datagen.GeneratorStep generator steps} (one per
 * module that has tables: catalogue, inventory, customers, orders, payments, reviews, analytics), and rebuilds the search index. The
 * steps write with multi-row SQL inserts straight into the modules' tables, on purpose: going
 * through each module's API would save one entity at a time, hundreds of times slower. No other
 * module depends on this one; it depends on the ordering module's pure pricing rules (GST split,
 * delivery charges, financial years), so generated orders are priced exactly as checkout prices
 * them, and otherwise only on the modules' table layout, which {@code DataGeneratorTests} checks on
 * every build against the real migrations.
 */
@ApplicationModule(displayName = "Data generator", allowedDependencies = { "ordering", "shared" })
package com.buildnest.datagen;

import org.springframework.modulith.ApplicationModule;
