package com.buildnest.review;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.AtOnce;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * Reviews over the real HTTP API: only a buyer whose order with the product was delivered may
 * review it, once; what the shop shows (the reviews, newest first, and an exact summary); and how
 * every refusal leaves reviews and ratings as they were.
 */
@BuildNestTest
class ReviewApiTests extends ReviewTestSupport {

    @Test
    void aBuyerWhoseOrderWasDeliveredReviewsTheProductAsAVerifiedPurchase() {
        long cement = shop.product();
        Buyer buyer = shop.receivedBy("Ravi Kumar Sharma", cement);

        Response posted = api.postJson("/api/products/" + cement + "/reviews", """
                {"rating": 4, "title": "  Sets well ", "text": "Good strength.\\nBags arrived <b>dry</b> & sealed."}""",
                buyer.token());

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode review = posted.json();
        assertThat(review.get("productId").asLong()).isEqualTo(cement);
        assertThat(review.get("rating").asInt()).isEqualTo(4);
        assertThat(review.get("title").asString()).isEqualTo("Sets well");
        assertThat(review.get("text").asString()).as("stored as written; the storefront escapes it")
                .isEqualTo("Good strength.\nBags arrived <b>dry</b> & sealed.");
        assertThat(review.get("author").asString()).isEqualTo("Ravi S.");
        assertThat(review.get("verifiedPurchase").asBoolean()).isTrue();
        assertThat(review.get("createdAt").asString()).isNotBlank();
        assertThat(review.has("accountId")).as("the public never learns account ids").isFalse();

        JsonNode listed = shop.reviews(cement);
        assertThat(listed.get("content")).hasSize(1);
        assertThat(listed.get("content").get(0)).isEqualTo(review);
        assertThat(listed.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(summary(listed)).isEqualTo(new Summary("4.0", 1, Map.of("1", 0L, "2", 0L, "3", 0L, "4", 1L, "5", 0L)));
        JsonNode product = api.get("/api/products/" + cement).json();
        assertThat(product.get("rating").get("average").asString()).isEqualTo("4.0");
        assertThat(product.get("rating").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void aSecondReviewOfTheSameProductIsRefusedAndChangesNothing() {
        long cement = shop.product();
        Buyer buyer = shop.receivedBy(null, cement);
        shop.reviewed(buyer, cement, 5, "First impressions: excellent.");
        // A second delivered order of the same product gives no second review either.
        shop.deliveredOrder(buyer, cement);

        Response again = shop.review(buyer, cement, 1, "Changed my mind.");

        assertProblem(again, 409, "review.already-reviewed");
        JsonNode listed = shop.reviews(cement);
        assertThat(listed.get("content")).hasSize(1);
        assertThat(listed.get("content").get(0).get("text").asString()).isEqualTo("First impressions: excellent.");
        assertThat(listed.get("content").get(0).get("author").asString())
                .as("a buyer without a full name is never shown by username").isEqualTo("Verified buyer");
        assertThat(summary(listed)).isEqualTo(new Summary("5.0", 1, Map.of("1", 0L, "2", 0L, "3", 0L, "4", 0L, "5", 1L)));
        assertThat(reviewRows(cement)).isEqualTo(1);
    }

    @Test
    void onlyACustomerWhoseOrderOfTheProductWasDeliveredMayReviewIt() {
        long cement = shop.product();
        long other = shop.product();
        Buyer neverBought = shop.buyer("Asha Rao");
        Buyer paidNotDelivered = shop.buyer("Asha Rao");
        shop.paidOrder(paidNotDelivered, cement);
        Buyer cancelled = shop.buyer("Asha Rao");
        String cancelledOrder = shop.paidOrder(cancelled, cement);
        assertThat(api.postJson("/api/orders/" + cancelledOrder + "/cancel", "{}", cancelled.token()).status())
                .isEqualTo(200);
        Buyer boughtAnother = shop.receivedBy("Asha Rao", other);

        for (Buyer refused : List.of(neverBought, paidNotDelivered, cancelled, boughtAnother)) {
            assertProblem(shop.review(refused, cement, 5, "Great cement."), 403, "review.not-purchased");
        }

        JsonNode listed = shop.reviews(cement);
        assertThat(listed.get("content")).isEmpty();
        assertThat(summary(listed)).isEqualTo(new Summary(null, 0, Map.of("1", 0L, "2", 0L, "3", 0L, "4", 0L, "5", 0L)));
        assertThat(api.get("/api/products/" + cement).json().get("rating").get("count").asLong()).isZero();
        assertThat(api.get("/api/products/" + cement).json().get("rating").get("average").isNull()).isTrue();
        assertThat(reviewRows(cement)).isZero();
    }

    @Test
    void anAnonymousCallerCannotReview() {
        long cement = shop.product();

        assertProblem(api.postJson("/api/products/" + cement + "/reviews", "{\"rating\": 5, \"text\": \"Nice\"}"), 401,
                "auth.unauthenticated");

        assertThat(reviewRows(cement)).isZero();
    }

    @Test
    void ratingTitleAndTextAreCheckedAndABadReviewIsRefusedWithItsFields() {
        long cement = shop.product();
        Buyer buyer = shop.receivedBy("Asha Rao", cement);
        String longText = "x".repeat(Review.MAX_TEXT + 1);
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("{\"rating\": 0, \"text\": \"ok\"}", "rating"),
                Map.entry("{\"rating\": 6, \"text\": \"ok\"}", "rating"),
                Map.entry("{\"rating\": -1, \"text\": \"ok\"}", "rating"),
                Map.entry("{\"text\": \"ok\"}", "rating"),
                Map.entry("{\"rating\": 4, \"text\": \"   \"}", "text"),
                Map.entry("{\"rating\": 4}", "text"),
                Map.entry("{\"rating\": 4, \"text\": \"" + longText + "\"}", "text"),
                Map.entry("{\"rating\": 4, \"text\": \"bell\\u0007\"}", "text"),
                Map.entry("{\"rating\": 4, \"title\": \"" + "t".repeat(Review.MAX_TITLE + 1) + "\", \"text\": \"ok\"}",
                        "title"),
                Map.entry("{\"rating\": 4, \"title\": \"two\\nlines\", \"text\": \"ok\"}", "title"));

        refusals.forEach((body, field) -> {
            Response refused = api.postJson("/api/products/" + cement + "/reviews", body, buyer.token());
            JsonNode problem = assertProblem(refused, 400, "request.invalid");
            assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                    .as(body).containsExactly(field);
        });
        assertThat(api.postJson("/api/products/" + cement + "/reviews", "{\"rating\": 4.5, \"text\": \"ok\"}",
                buyer.token()).status()).as("a rating is a whole number of stars").isEqualTo(400);
        assertThat(reviewRows(cement)).isZero();

        String longest = "ठीक है 👍\n" + "y".repeat(Review.MAX_TEXT - 10);
        Response accepted = shop.review(buyer, cement, 3, longest);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("text").asString()).isEqualTo(longest);
        assertThat(accepted.json().get("title").isNull()).isTrue();
    }

    @Test
    void aProductThatIsUnknownOrOffSaleHasNoReviewsToReadOrWrite() {
        long cement = shop.product();
        Buyer buyer = shop.receivedBy("Asha Rao", cement);
        shop.takeOffSale(cement);

        assertProblem(shop.review(buyer, cement, 5, "Still good."), 404, "catalog.product-not-found");
        assertProblem(api.get("/api/products/" + cement + "/reviews"), 404, "catalog.product-not-found");
        assertProblem(api.get("/api/products/987654321/reviews"), 404, "catalog.product-not-found");
        assertThat(reviewRows(cement)).isZero();
    }

    @Test
    void theSummaryAveragesToOneDecimalPlaceRoundingHalfUpAndCountsEachNumberOfStars() {
        long cement = shop.product();
        int[] ratings = { 5, 4, 4, 4 };
        for (int i = 0; i < ratings.length; i++) {
            shop.reviewed(shop.receivedBy("Buyer Number" + i, cement), cement, ratings[i], "Review " + i);
        }

        JsonNode listed = shop.reviews(cement);

        // 17 stars over 4 reviews: 4.25, shown as 4.3.
        assertThat(summary(listed)).isEqualTo(new Summary("4.3", 4, Map.of("1", 0L, "2", 0L, "3", 0L, "4", 3L, "5", 1L)));
        assertThat(listed.get("content").valueStream().map(review -> review.get("text").asString()))
                .as("newest first").containsExactly("Review 3", "Review 2", "Review 1", "Review 0");
        JsonNode page = api.get("/api/products/" + cement + "/reviews?size=3&page=1").json();
        assertThat(page.get("content").valueStream().map(review -> review.get("text").asString()))
                .containsExactly("Review 0");
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(4);
        assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(2);
        assertThat(summary(page)).as("the summary covers every review, not the page").isEqualTo(summary(listed));
        JsonNode product = api.get("/api/products/" + cement).json().get("rating");
        assertThat(product.get("average").asString()).isEqualTo("4.3");
        assertThat(product.get("count").asLong()).isEqualTo(4);
        assertProblem(api.get("/api/products/" + cement + "/reviews?size=101"), 400, "request.invalid");
    }

    @Test
    void sortByRatingListsTheBestRatedFirstThenTheMostReviewedAndTheUnratedLast() {
        String brand = "Rated" + UUID.randomUUID().toString().substring(0, 8);
        long fiveOnce = shop.product(brand);
        long fiveTwice = shop.product(brand);
        long fourAndAHalf = shop.product(brand);
        long unrated = shop.product(brand);
        Buyer first = shop.receivedBy("Asha Rao", fiveOnce, fiveTwice, fourAndAHalf);
        Buyer second = shop.receivedBy("Ravi Kumar", fiveTwice, fourAndAHalf);
        shop.reviewed(first, fiveOnce, 5, "Top");
        shop.reviewed(first, fiveTwice, 5, "Top");
        shop.reviewed(first, fourAndAHalf, 4, "Good");
        shop.reviewed(second, fiveTwice, 5, "Top");
        shop.reviewed(second, fourAndAHalf, 5, "Top");

        JsonNode listed = api.get("/api/products?brand=" + brand + "&sort=rating").json();

        assertThat(listed.get("content").valueStream().map(product -> product.get("id").asLong()))
                .containsExactly(fiveTwice, fiveOnce, fourAndAHalf, unrated);
        assertThat(listed.get("content").valueStream().map(product -> average(product.get("rating"))))
                .containsExactly("5.0", "5.0", "4.5", null);
        assertThat(listed.get("content").valueStream().map(product -> product.get("rating").get("count").asLong()))
                .containsExactly(2L, 1L, 2L, 0L);
    }

    @Test
    void reviewsPostedAtOnceAreAllCountedAndABuyerStillReviewsOnce() throws Exception {
        long cement = shop.product();
        Buyer first = shop.receivedBy("Asha Rao", cement);
        Buyer second = shop.receivedBy("Ravi Kumar", cement);
        List<Callable<Integer>> posts = List.of(() -> shop.review(first, cement, 5, "Once").status(),
                () -> shop.review(first, cement, 4, "Twice").status(), () -> shop.review(second, cement, 2, "Meh").status());

        List<Integer> statuses = AtOnce.run(posts);

        assertThat(statuses.subList(0, 2)).containsExactlyInAnyOrder(201, 409);
        assertThat(statuses.get(2)).isEqualTo(201);
        Summary summary = summary(shop.reviews(cement));
        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.distribution().get("2")).isEqualTo(1);
        assertThat(summary.distribution().get("4") + summary.distribution().get("5")).isEqualTo(1);
        assertThat(api.get("/api/products/" + cement).json().get("rating").get("count").asLong()).isEqualTo(2);
        assertThat(reviewRows(cement)).isEqualTo(2);
    }
}
