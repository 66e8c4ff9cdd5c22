package com.buildnest.wishlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Wishlist settings.
 *
 * @param maxItems how many products one customer's wishlist may hold (products no longer on sale included)
 */
@Validated
@ConfigurationProperties("buildnest.wishlist")
public record WishlistProperties(@Min(1) @Max(1000) @DefaultValue("200") int maxItems) {
}
