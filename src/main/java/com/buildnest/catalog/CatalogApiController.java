package com.buildnest.catalog;

import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.data.web.PagedModel;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.catalog.ProductCatalog.CategoryNode;
import com.buildnest.catalog.ProductCatalog.ProductView;

/** The public, read-only catalogue API. */
@RestController
@RequestMapping("/api")
@Validated
class CatalogApiController {

    private final ProductCatalog catalog;

    CatalogApiController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/categories")
    List<CategoryNode> categories() {
        return catalog.categoryTree();
    }

    @GetMapping("/products")
    PagedModel<ProductView> products(@RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) int size) {
        return new PagedModel<>(catalog.products(category, page, size));
    }

    @GetMapping("/products/{id}")
    ProductView product(@PathVariable long id) {
        return catalog.product(id);
    }
}
