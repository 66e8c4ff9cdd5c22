package com.buildnest.review;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.review.Reviews.ReviewPage;
import com.buildnest.review.Reviews.ReviewView;

/** A product's reviews: anyone reads them, a customer who received the product writes one. */
@RestController
@RequestMapping("/api/products/{id}/reviews")
@Validated
class ReviewApiController {


    private final Reviews reviews;

    ReviewApiController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    ReviewListing list(@PathVariable("id") long productId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Reviews.MAX_PAGE_SIZE) int size) {
        return new ReviewListing(reviews.ofProduct(productId, page, size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReviewView post(@PathVariable("id") long productId, @AuthenticationPrincipal Jwt caller,
            @Valid @RequestBody ReviewForm review) {
        return reviews.post(productId, Long.parseLong(caller.getSubject()), review);
    }

    /** The contract's page envelope plus the rating summary of all the product's visible reviews. */
    static class ReviewListing extends PagedModel<ReviewView> {
        private final RatingSummary.View summary;

        ReviewListing(ReviewPage page) {
            super(page.reviews());
            this.summary = page.summary();
        }

        public RatingSummary.View getSummary() {
            return summary;
        }
    }
}
