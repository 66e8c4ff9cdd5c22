package com.buildnest.review;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * What every review test class needs: the API, tokens, inventory, the database, and a shop whose
 * products go off sale after each test. Subclasses carry {@code @BuildNestTest}.
 */
abstract class ReviewTestSupport {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    ReviewFixtures shop;

    @BeforeEach
    void openShop() {
        shop = new ReviewFixtures(api, tokens, inventory, jdbc);
    }

    @AfterEach
    void closeShop() {
        shop.takeAllOffSale();
    }

    /** A rating summary as the API shows it. */
    record Summary(String average, long count, Map<String, Long> distribution) {
    }

    static Summary summary(JsonNode listing) {
        JsonNode summary = listing.get("summary");
        Map<String, Long> distribution = new TreeMap<>();
        summary.get("distribution").properties()
                .forEach(entry -> distribution.put(entry.getKey(), entry.getValue().asLong()));
        return new Summary(average(summary), summary.get("count").asLong(), distribution);
    }

    /** The {@code average} of a summary or a product's rating; null without reviews. */
    static String average(JsonNode rating) {
        return rating.get("average").isNull() ? null : rating.get("average").asString();
    }

    long reviewRows(long productId) {
        return jdbc.sql("select count(*) from review where product_id = ?").param(productId).query(Long.class).single();
    }
}
