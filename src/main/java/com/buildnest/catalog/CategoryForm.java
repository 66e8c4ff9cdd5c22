package com.buildnest.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category as staff write it: a URL slug, a name, an optional parent and a position among its siblings. */
public record CategoryForm(
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by dashes") String slug,
        @NotBlank @Size(max = 120) String name,
        Long parentId,
        @Min(0) @Max(10_000) Integer position) {
}
