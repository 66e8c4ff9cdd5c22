package com.buildnest.review;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A review as a customer writes it, checked the same way wherever it comes from (the API's JSON,
 * the storefront's form); {@link Reviews#post} takes it once valid.
 *
 * @param rating read as a decimal so that 4.5 is refused rather than silently cut to 4
 * @param title optional, one line
 */
public record ReviewForm(
        @NotNull @Min(Review.MIN_RATING) @Max(Review.MAX_RATING)
        @Digits(integer = 1, fraction = 0, message = "must be a whole number of stars from 1 to 5") BigDecimal rating,
        @Size(max = Review.MAX_TITLE) @Pattern(regexp = ReviewForm.LINE, message = "must be one line of text") String title,
        @NotBlank @Size(max = Review.MAX_TEXT) @Pattern(regexp = ReviewForm.TEXT, message = "must not hold control characters")
        String text) {

    /** Text as typed, line breaks and tabs allowed, but no other control characters. */
    static final String TEXT = "[\\t\\n\\r\\P{Cc}]*";
    /** One line: no control characters at all. */
    static final String LINE = "\\P{Cc}*";
}
