package com.buildnest.review;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.buildnest.customer.Role;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * Staff hide a review (and show it again) with a reason: a hidden review counts nowhere public,
 * the product's rating is recounted, and the audit log keeps who did it and why.
 */
@BuildNestTest
class ReviewModerationTests extends ReviewTestSupport {

    @Test
    void aHiddenReviewLeavesThePublicListAndTheRatingUntilItIsShownAgain() {
        long cement = shop.product();
        Buyer fan = shop.receivedBy("Asha Rao", cement);
        Buyer critic = shop.receivedBy("Ravi Kumar", cement);
        shop.reviewed(fan, cement, 5, "Excellent");
        long abusive = shop.reviewed(critic, cement, 1, "Call 98450 12345 for cheaper cement");

        Response hidden = shop.moderate(abusive, "hide", " Advertises another seller ");

        assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
        JsonNode moderated = hidden.json();
        assertThat(moderated.get("hidden").asBoolean()).isTrue();
        assertThat(moderated.get("accountId").asLong()).isEqualTo(critic.accountId());
        assertThat(moderated.get("moderation").get("reason").asString()).isEqualTo("Advertises another seller");
        long staffId = moderated.get("moderation").get("staffId").asLong();
        JsonNode listed = shop.reviews(cement);
        assertThat(listed.get("content").valueStream().map(review -> review.get("text").asString()))
                .containsExactly("Excellent");
        assertThat(summary(listed)).isEqualTo(new Summary("5.0", 1, Map.of("1", 0L, "2", 0L, "3", 0L, "4", 0L, "5", 1L)));
        assertThat(rating(cement)).isEqualTo(Map.of("average", "5.0", "count", 1L));
        JsonNode audit = auditLines("review.hidden");
        assertThat(audit.valueStream().filter(line -> line.get("detail").asString().startsWith("review=" + abusive + " ")))
                .singleElement().satisfies(line -> {
                    assertThat(line.get("actorId").asLong()).isEqualTo(staffId);
                    assertThat(line.get("accountId").asLong()).isEqualTo(critic.accountId());
                    assertThat(line.get("detail").asString())
                            .isEqualTo("review=" + abusive + " product=" + cement + " reason=Advertises another seller");
                });
        assertThat(api.get("/api/admin/reviews?hidden=true&productId=" + cement, shop.staff()).json().get("content")
                .valueStream().map(review -> review.get("id").asLong())).containsExactly(abusive);
        assertThat(api.get("/api/admin/reviews?hidden=false&productId=" + cement, shop.staff()).json().get("content"))
                .hasSize(1);

        Response shown = shop.moderate(abusive, "unhide", "Seller confirmed the number is the buyer's own");

        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().get("hidden").asBoolean()).isFalse();
        assertThat(summary(shop.reviews(cement)))
                .isEqualTo(new Summary("3.0", 2, Map.of("1", 1L, "2", 0L, "3", 0L, "4", 0L, "5", 1L)));
        assertThat(rating(cement)).isEqualTo(Map.of("average", "3.0", "count", 2L));
        assertThat(auditLines("review.unhidden").valueStream()
                .filter(line -> line.get("detail").asString().startsWith("review=" + abusive + " "))).hasSize(1);
    }

    @Test
    void hidingAHiddenReviewOrShowingAShownOneIsRefusedAndChangesNothing() {
        long cement = shop.product();
        Buyer buyer = shop.receivedBy("Asha Rao", cement);
        long review = shop.reviewed(buyer, cement, 2, "Lumpy");

        assertProblem(shop.moderate(review, "unhide", "Nothing to undo"), 409, "review.not-hidden");
        assertThat(summary(shop.reviews(cement)).count()).isEqualTo(1);

        assertThat(shop.moderate(review, "hide", "Spam").status()).isEqualTo(200);
        JsonNode before = staffView(review);

        assertProblem(shop.moderate(review, "hide", "Spam again"), 409, "review.already-hidden");
        assertProblem(shop.moderate(review, "hide", " "), 400, "request.invalid");
        assertProblem(shop.moderate(987_654_321L, "hide", "Spam"), 404, "review.not-found");

        assertThat(staffView(review)).isEqualTo(before);
        assertThat(auditLines("review.hidden").valueStream()
                .filter(line -> line.get("detail").asString().startsWith("review=" + review + " "))).hasSize(1);
        assertThat(rating(cement)).isEqualTo(Map.of("count", 0L));
    }

    @Test
    void aCustomerCannotHideAReview() {
        long cement = shop.product();
        Buyer buyer = shop.receivedBy("Asha Rao", cement);
        long review = shop.reviewed(buyer, cement, 2, "Lumpy");

        assertProblem(api.postJson("/api/admin/reviews/" + review + "/hide", "{\"reason\": \"I dislike it\"}",
                buyer.token()), 403, "auth.forbidden");

        assertThat(staffView(review).get("hidden").asBoolean()).isFalse();
        assertThat(shop.reviews(cement).get("content")).hasSize(1);
    }

    @Test
    void aStaffEditReadBeforeAReviewStillSucceedsAndKeepsTheRating() {
        long cement = shop.product();
        Buyer buyer = shop.receivedBy("Asha Rao", cement);
        JsonNode read = api.get("/api/admin/products/" + cement, shop.staff()).json();

        shop.reviewed(buyer, cement, 4, "Good");
        Response edited = api.send("PUT", "/api/admin/products/" + cement, Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + shop.staff()), HttpRequest.BodyPublishers.ofString("""
                {"sku": "%s", "name": "Renamed cement", "brand": "Testcem", "categoryId": %d, "unit": "bag",
                 "hsnCode": "2523", "weightGrams": 50000, "minimumOrderQuantity": 1, "orderStep": 1,
                 "maximumOrderQuantity": 5000, "prices": [{"minQuantity": 1, "unitPrice": "400.00"}], "version": %d}"""
                .formatted(read.get("sku").asString(), read.get("categoryId").asLong(), read.get("version").asLong())));

        assertThat(edited.status()).as("a review does not make the edit stale: " + edited.body()).isEqualTo(200);
        JsonNode product = api.get("/api/products/" + cement).json();
        assertThat(product.get("name").asString()).isEqualTo("Renamed cement");
        assertThat(rating(cement)).isEqualTo(Map.of("average", "4.0", "count", 1L));
    }

    private JsonNode staffView(long reviewId) {
        return api.get("/api/admin/reviews?size=100", shop.staff()).json().get("content").valueStream()
                .filter(review -> review.get("id").asLong() == reviewId).findFirst().orElseThrow();
    }

    /** The product's rating as its page shows it; without reviews, only the count (the average is null). */
    private Map<String, Object> rating(long productId) {
        JsonNode rating = api.get("/api/products/" + productId).json().get("rating");
        return rating.get("average").isNull() ? Map.of("count", rating.get("count").asLong())
                : Map.of("average", rating.get("average").asString(), "count", rating.get("count").asLong());
    }

    private JsonNode auditLines(String action) {
        String admin = tokens.validFor(tokens.newCustomer(), Role.ADMIN);
        return api.get("/api/admin/audit?size=100&action=" + action, admin).json().get("content");
    }
}
