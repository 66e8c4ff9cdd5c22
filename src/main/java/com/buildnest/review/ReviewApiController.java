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

    /** Text as typed, line breaks and tabs allowed, but no other control characters. */
    static final String TEXT = "[\\t\\n\\r\\P{Cc}]*";
    /** One line: no control characters at all. */
    static final String LINE = "\\P{Cc}*";

    private final Reviews reviews;

    ReviewApiController(Reviews reviews) {
        this.reviews = reviews;
    }

    /**
     * @param rating read as a decimal so that 4.5 is refused rather than silently cut to 4
     * @param title optional, one line
     */
    record NewReview(
            @NotNull @Min(Review.MIN_RATING) @Max(Review.MAX_RATING)
            @Digits(integer = 1, fraction = 0, message = "must be a whole number of stars from 1 to 5") BigDecimal rating,
            @Size(max = Review.MAX_TITLE) @Pattern(regexp = LINE, message = "must be one line of text") String title,
            @NotBlank @Size(max = Review.MAX_TEXT) @Pattern(regexp = TEXT, message = "must not hold control characters")
            String text) {
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
            @Valid @RequestBody NewReview review) {
        String title = review.title() == null || review.title().isBlank() ? null : review.title().strip();
        return reviews.post(productId, Long.parseLong(caller.getSubject()), review.rating().intValueExact(), title,
                review.text().strip());
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
