package com.buildnest.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.review.Reviews.StaffReviewView;

/** Staff's moderation of reviews (STAFF or ADMIN, as all of {@code /api/admin/**}): find, hide, show again. */
@RestController
@RequestMapping("/api/admin/reviews")
@Validated
class ReviewAdminApiController {

    private final Reviews reviews;

    ReviewAdminApiController(Reviews reviews) {
        this.reviews = reviews;
    }

    /** Why: kept on the review and in the audit log. */
    record ModerationRequest(@NotBlank @Size(max = Review.MAX_REASON)
            @Pattern(regexp = ReviewForm.LINE, message = "must be one line of text") String reason) {
    }

    @GetMapping
    PagedModel<StaffReviewView> list(@RequestParam(required = false) Boolean hidden,
            @RequestParam(required = false) Long productId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Reviews.MAX_PAGE_SIZE) int size) {
        return new PagedModel<>(reviews.forStaff(hidden, productId, page, size));
    }

    @PostMapping("/{id}/hide")
    StaffReviewView hide(@PathVariable("id") long reviewId, @Valid @RequestBody ModerationRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return reviews.hide(reviewId, Long.parseLong(caller.getSubject()), request.reason().strip());
    }

    @PostMapping("/{id}/unhide")
    StaffReviewView unhide(@PathVariable("id") long reviewId, @Valid @RequestBody ModerationRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return reviews.unhide(reviewId, Long.parseLong(caller.getSubject()), request.reason().strip());
    }
}
