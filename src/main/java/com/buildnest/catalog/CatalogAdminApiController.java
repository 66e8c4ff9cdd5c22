package com.buildnest.catalog;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.catalog.CatalogAdministration.AdminCategory;
import com.buildnest.catalog.CatalogAdministration.AdminProduct;

/** Staff's catalogue (all of {@code /api/admin/**} needs STAFF or ADMIN): products and categories. */
@RestController
@RequestMapping("/api/admin")
class CatalogAdminApiController {

    private final CatalogAdministration administration;

    CatalogAdminApiController(CatalogAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/products")
    ResponseEntity<AdminProduct> createProduct(@Valid @RequestBody ProductForm form) {
        AdminProduct created = administration.createProduct(form);
        return ResponseEntity.created(URI.create("/api/admin/products/" + created.id())).body(created);
    }

    @GetMapping("/products/{id}")
    AdminProduct product(@PathVariable long id) {
        return administration.product(id);
    }

    @PutMapping("/products/{id}")
    AdminProduct updateProduct(@PathVariable long id,
            @Validated({ Default.class, ProductForm.Update.class }) @RequestBody ProductForm form) {
        return administration.updateProduct(id, form);
    }

    @DeleteMapping("/products/{id}")
    ResponseEntity<Void> deactivateProduct(@PathVariable long id) {
        administration.deactivateProduct(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/categories")
    ResponseEntity<AdminCategory> createCategory(@Valid @RequestBody CategoryForm form) {
        AdminCategory created = administration.createCategory(form);
        return ResponseEntity.created(URI.create("/api/admin/categories/" + created.id())).body(created);
    }

    @GetMapping("/categories/{id}")
    AdminCategory category(@PathVariable long id) {
        return administration.category(id);
    }

    @PutMapping("/categories/{id}")
    AdminCategory updateCategory(@PathVariable long id, @Valid @RequestBody CategoryForm form) {
        return administration.updateCategory(id, form);
    }

    @DeleteMapping("/categories/{id}")
    ResponseEntity<Void> deleteCategory(@PathVariable long id) {
        administration.deleteCategory(id);
        return ResponseEntity.noContent().build();
    }
}
