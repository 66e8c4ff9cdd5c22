package com.buildnest.datagen;

import java.util.ArrayList;
import java.util.List;

/**
 * What to generate, parsed from {@code generate [--users=N] [--products=N] [--orders=N] [--seed=N]
 * [--append] [--allow-prod] [--password=…] [--skip-index]}; every other {@code --name.with.dots=value} argument is a Spring
 * property (a datasource URL, a profile) and is passed on untouched.
 *
 * @param users customer accounts to create
 * @param products products to create
 * @param orders orders to create, with their payments, stock movements, reviews and sales facts
 * @param seed the same seed gives the same data (SKUs, names, prices, stock, people)
 * @param append allow a database that already has products: add to it instead of refusing
 * @param allowProd allow the {@code prod} profile (for a staging copy that runs with prod settings)
 * @param password the password of every generated account (hashed once)
 * @param skipIndex leave the search index alone (the application rebuilds it when it starts)
 * @param springArguments the arguments meant for Spring
 */
record GenerationOptions(int users, int products, int orders, long seed, boolean append, boolean allowProd, String password,
        boolean skipIndex, List<String> springArguments) {

    static final String DEFAULT_PASSWORD = "BuildNest-Load-Test-2026";
    static final int MAX_ROWS = 10_000_000;

    static final String USAGE = """
            Usage: java -jar buildnest.jar generate [options] [--spring.property=value ...]
              --users=N       customer accounts, each with 0-3 addresses (default 10000)
              --products=N    products with tier prices, pack sizes, attributes, images and stock (default 50000)
              --orders=N      orders of the last 12 months with lines, invoices, payments, refunds, stock
                              movements, reviews and sales facts (default 100000)
              --seed=N        the same seed always gives the same data (default 1)
              --append        add to a database that already has products (otherwise refused)
              --allow-prod    run although the prod profile is active (staging copies only)
              --password=P    password of every generated account (default %s)
              --skip-index    do not rebuild the search index (BuildNest rebuilds it when it starts)
            Spring properties choose the database, e.g. --spring.profiles.active=services
            --spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/bench. Exit codes: 0 done,
            1 failed, 2 bad arguments, 3 refused (database has products, or prod profile).
            """.formatted(DEFAULT_PASSWORD);

    GenerationOptions {
        if (users < 0 || users > MAX_ROWS || products < 0 || products > MAX_ROWS || orders < 0 || orders > MAX_ROWS) {
            throw new IllegalArgumentException("--users, --products and --orders must be between 0 and " + MAX_ROWS);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--password must not be empty");
        }
        springArguments = List.copyOf(springArguments);
    }

    /** Parses the arguments after {@code generate}; {@code --help} is the caller's business. */
    static GenerationOptions parse(List<String> arguments) {
        int users = 10_000;
        int products = 50_000;
        int orders = 100_000;
        boolean skipIndex = false;
        long seed = 1;
        boolean append = false;
        boolean allowProd = false;
        String password = DEFAULT_PASSWORD;
        List<String> spring = new ArrayList<>();
        for (String argument : arguments) {
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            String value = argument.substring(name.length()).replaceFirst("^=", "");
            switch (name) {
                case "--users" -> users = number(name, value);
                case "--products" -> products = number(name, value);
                case "--orders" -> orders = number(name, value);
                case "--skip-index" -> skipIndex = true;
                case "--seed" -> seed = number(name, value);
                case "--append" -> append = true;
                case "--allow-prod" -> allowProd = true;
                case "--password" -> password = value;
                default -> {
                    if (!name.startsWith("--") || !name.contains(".")) {
                        throw new IllegalArgumentException("unknown option " + argument + " (see --help)");
                    }
                    spring.add(argument);
                }
            }
        }
        return new GenerationOptions(users, products, orders, seed, append, allowProd, password, skipIndex, spring);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
        }
    }
}
