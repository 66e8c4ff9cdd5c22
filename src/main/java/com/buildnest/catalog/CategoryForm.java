package com.buildnest.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.buildnest.inventory.Inventory;

/**
 * A category as staff write it: a URL slug, a name, an optional parent, a position among its
 * siblings, and optionally the low-stock threshold its products follow unless they have their own
 * (without one, a category follows its parent's, and at the top the configured default).
 */
public record CategoryForm(
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by dashes") String slug,
        @NotBlank @Size(max = 120) String name,
        Long parentId,
        @Min(0) @Max(10_000) Integer position,
        @Min(0) @Max(Inventory.MAX_QUANTITY) Long lowStockThreshold) {
}
