package com.buildnest.datagen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.buildnest.ordering.OrderStatus;

/**
 * Reviews, as the review module allows them: only by a customer whose order of the product is
 * delivered (and still is), at most one per customer and product, written days after delivery;
 * ratings lean positive as a shop's do. Then each reviewed product's counts by stars and the
 * catalogue's average (one decimal, half up, as the review module rounds it) and count.
 */
final class ReviewStep implements GeneratorStep {

    private static final int REVIEW_PERCENT = 12;
    private static final int[] STARS_PERCENT = { 6, 6, 13, 30, 45 };
    private static final List<List<String>> TITLES = List.of(
            List.of("Not as described", "Poor quality", "Would not buy again"),
            List.of("Below expectations", "Packaging could be better", "Average at best"),
            List.of("Okay for the price", "Does the job", "Mixed feelings"),
            List.of("Good product", "Worth the money", "Reliable quality"),
            List.of("Excellent quality", "Highly recommended", "Exactly what the site needed"));
    private static final List<List<String>> BODIES = List.of(
            List.of("Several pieces were damaged on arrival and the finish was uneven.",
                    "Quality did not match the description; returned part of it."),
            List.of("It works, but the delivery took longer than promised and some bags were torn.",
                    "Quality is inconsistent between batches."),
            List.of("Decent material for the price. Delivery was on time.",
                    "Nothing special, nothing wrong. Our mason found it acceptable."),
            List.of("Good quality and well packed. Our contractor was happy with it.",
                    "Delivered on time to the site, quantity exactly as ordered."),
            List.of("Excellent quality, consistent batch, and the delivery was quick. Will order again.",
                    "Used it for our house construction; the finish is excellent and the price was fair."));

    @Override
    public String name() {
        return "reviews";
    }

    @Override
    public Set<String> requires() {
        return Set.of("orders");
    }

    @Override
    public String unit() {
        return "orders";
    }

    @Override
    public long size(GenerationOptions options) {
        return options.orders();
    }

    @Override
    public void generate(StepContext context) throws SQLException {
        Set<String> reviewed = new HashSet<>();
        Map<Long, long[]> stars = new TreeMap<>();
        try (BatchInsert reviews = context.insert("review", "product_id", "account_id", "rating", "title", "body",
                "created_at", "hidden", "version")) {
            for (GeneratedData.Order order : context.data.orders) {
                if (order.status() == OrderStatus.DELIVERED) {
                    for (GeneratedData.Line line : order.lines()) {
                        if (!context.chance(REVIEW_PERCENT)) {
                            continue;
                        }
                        Instant at = order.deliveredAt().plusSeconds(context.between(3600, 20 * 24 * 3600));
                        if (!at.isBefore(StepContext.AS_OF)
                                || !reviewed.add(line.productId() + "/" + order.accountId())) {
                            continue;
                        }
                        int rating = context.weighted(STARS_PERCENT) + 1;
                        reviews.add(line.productId(), order.accountId(), rating,
                                context.chance(80) ? context.pick(TITLES.get(rating - 1)) : null,
                                context.pick(BODIES.get(rating - 1)), at, false, 0L);
                        stars.computeIfAbsent(line.productId(), product -> new long[5])[rating - 1]++;
                    }
                }
                context.advance(1);
            }
        }
        try (BatchInsert ratings = context.insert("review_product_rating", "product_id", "one_star", "two_stars",
                "three_stars", "four_stars", "five_stars");
                PreparedStatement product = context.connection().prepareStatement(
                        "UPDATE catalog_product SET rating_average = ?, rating_count = ? WHERE id = ?")) {
            int batched = 0;
            for (Map.Entry<Long, long[]> entry : stars.entrySet()) {
                long[] counts = entry.getValue();
                ratings.add(entry.getKey(), counts[0], counts[1], counts[2], counts[3], counts[4]);
                long count = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
                long sum = counts[0] + 2 * counts[1] + 3 * counts[2] + 4 * counts[3] + 5 * counts[4];
                product.setBigDecimal(1, average(sum, count));
                product.setLong(2, count);
                product.setLong(3, entry.getKey());
                product.addBatch();
                if (++batched % 1000 == 0) {
                    product.executeBatch();
                }
            }
            product.executeBatch();
        }
    }

    /** The review module's average: to one decimal, rounded half up from the exact sum. */
    static BigDecimal average(long stars, long count) {
        return BigDecimal.valueOf(stars).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
