package com.buildnest.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.buildnest.catalog.CatalogAdministration.AdminCategory;
import com.buildnest.catalog.CatalogAdministration.AdminProduct;
import com.buildnest.catalog.CatalogTransfer.ImportRefused;
import com.buildnest.catalog.CatalogTransfer.ImportResult;
import com.buildnest.platform.web.Problems;

/**
 * Staff's catalogue (all of {@code /api/admin/**} needs STAFF or ADMIN): products and categories,
 * and the products as CSV out and in.
 */
@RestController
@RequestMapping("/api/admin")
class CatalogAdminApiController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CatalogAdministration administration;
    private final CatalogTransfer transfer;

    CatalogAdminApiController(CatalogAdministration administration, CatalogTransfer transfer) {
        this.administration = administration;
        this.transfer = transfer;
    }

    @GetMapping(path = "/products/export", produces = "text/csv")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"products.csv\"")
                .body(transfer.export());
    }

    @PostMapping(path = "/products/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importProducts(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal Jwt caller)
            throws IOException {
        return transfer.importProducts(file.getBytes(), actor(caller));
    }

    /** A refused import answers 422 with every failing line: {@code rows: [{line, sku, errors[]}]}. */
    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> importRefused(ImportRefused refused, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, refused.code(), refused.getMessage(),
                request);
        problem.setProperty("rows", refused.rows());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @PostMapping("/products")
    ResponseEntity<AdminProduct> createProduct(@Valid @RequestBody ProductForm form,
            @AuthenticationPrincipal Jwt caller) {
        AdminProduct created = administration.createProduct(form, actor(caller));
        return ResponseEntity.created(URI.create("/api/admin/products/" + created.id())).body(created);
    }

    @GetMapping("/products/{id}")
    AdminProduct product(@PathVariable long id) {
        return administration.product(id);
    }

    @PutMapping("/products/{id}")
    AdminProduct updateProduct(@PathVariable long id,
            @Validated({ Default.class, ProductForm.Update.class }) @RequestBody ProductForm form,
            @AuthenticationPrincipal Jwt caller) {
        return administration.updateProduct(id, form, actor(caller));
    }

    @DeleteMapping("/products/{id}")
    ResponseEntity<Void> deactivateProduct(@PathVariable long id, @AuthenticationPrincipal Jwt caller) {
        administration.deactivateProduct(id, actor(caller));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/categories")
    ResponseEntity<AdminCategory> createCategory(@Valid @RequestBody CategoryForm form,
            @AuthenticationPrincipal Jwt caller) {
        AdminCategory created = administration.createCategory(form, actor(caller));
        return ResponseEntity.created(URI.create("/api/admin/categories/" + created.id())).body(created);
    }

    @GetMapping("/categories/{id}")
    AdminCategory category(@PathVariable long id) {
        return administration.category(id);
    }

    @PutMapping("/categories/{id}")
    AdminCategory updateCategory(@PathVariable long id, @Valid @RequestBody CategoryForm form,
            @AuthenticationPrincipal Jwt caller) {
        return administration.updateCategory(id, form, actor(caller));
    }

    @DeleteMapping("/categories/{id}")
    ResponseEntity<Void> deleteCategory(@PathVariable long id, @AuthenticationPrincipal Jwt caller) {
        administration.deleteCategory(id, actor(caller));
        return ResponseEntity.noContent().build();
    }

    private static long actor(Jwt caller) {
        return Long.parseLong(caller.getSubject());
    }
}
