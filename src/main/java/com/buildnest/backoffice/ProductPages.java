package com.buildnest.backoffice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.catalog.CatalogAdministration;
import com.buildnest.catalog.CatalogAdministration.AdminCategory;
import com.buildnest.catalog.CatalogAdministration.AdminProduct;
import com.buildnest.catalog.CatalogAdministration.ProductFilter;
import com.buildnest.catalog.CatalogTransfer;
import com.buildnest.catalog.CatalogTransfer.ImportMode;
import com.buildnest.catalog.CatalogTransfer.ImportRefused;
import com.buildnest.catalog.CatalogTransfer.ImportResult;
import com.buildnest.catalog.GstRates;
import com.buildnest.catalog.ProductForm;
import com.buildnest.catalog.SellingUnit;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;

/**
 * Staff's products: the filtered list, the product form (new and edit), taking a product off sale,
 * and the catalogue as CSV out and in, all through the catalogue module's services, the ones
 * {@code /api/admin/products} calls. The form is checked with the module's own {@link ProductForm}
 * rules, each refusal shown beside its field.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class ProductPages {

    static final int PAGE_SIZE = 25;
    /** The units a product can be counted in. */
    static final List<String> UNITS = Arrays.stream(SellingUnit.values()).map(SellingUnit::code).toList();

    private final CatalogAdministration administration;
    private final CatalogTransfer transfer;
    private final GstRates gstRates;
    private final Validator validator;
    private final Clock clock;

    ProductPages(CatalogAdministration administration, CatalogTransfer transfer, GstRates gstRates,
            Validator validator, Clock clock) {
        this.administration = administration;
        this.transfer = transfer;
        this.gstRates = gstRates;
        this.validator = validator;
        this.clock = clock;
    }

    /** The list's filters as typed: text, a category id, and "true"/"false" for on or off sale. */
    record Filters(String q, Long category, Boolean active, Integer page) {
        int pageNumber() {
            return page == null || page < 0 ? 0 : page;
        }
    }

    @GetMapping("/admin/products")
    String products(@ModelAttribute("filters") Filters filters, Model model) {
        CatalogAdministration.ProductList list = administration.productList(
                new ProductFilter(filters.q(), filters.category(), filters.active()),
                PageRequest.of(filters.pageNumber(), PAGE_SIZE));
        model.addAttribute("products", list.products());
        model.addAttribute("categories", list.categories());
        model.addAttribute("categoryNames", names(list.categories()));
        return "admin/products";
    }

    @GetMapping("/admin/products/new")
    String newProduct(Model model) {
        return form(ProductPageForm.blank(), null, model);
    }

    @PostMapping("/admin/products")
    String create(@ModelAttribute("form") ProductPageForm form, @RequestParam(required = false) String add,
            @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        if (add != null) {
            form.addRow(add);
            return form(form, null, model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ProductForm product = checked(form, errors, Default.class);
        if (errors.isEmpty()) {
            try {
                AdminProduct created = administration.createProduct(product, me.accountId());
                redirect.addFlashAttribute("notice", "Product " + created.sku() + " created.");
                return "redirect:/admin/products/" + created.id();
            } catch (BusinessRuleViolation refused) {
                errors.putIfAbsent(fieldOf(refused), refused.getMessage());
            }
        }
        return refused(form, null, errors, response, model);
    }

    @GetMapping("/admin/products/{id}")
    String edit(@PathVariable long id, Model model) {
        return form(ProductPageForm.of(administration.product(id)), id, model);
    }

    @PostMapping("/admin/products/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ProductPageForm form,
            @RequestParam(required = false) String add, @AuthenticationPrincipal SignedInAccount me,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (add != null) {
            form.addRow(add);
            return form(form, id, model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ProductForm product = checked(form, errors, Default.class, ProductForm.Update.class);
        if (errors.isEmpty()) {
            try {
                administration.updateProduct(id, product, me.accountId());
                redirect.addFlashAttribute("notice", "Product " + product.sku() + " saved.");
                return "redirect:/admin/products/" + id;
            } catch (BusinessRuleViolation refused) {
                errors.putIfAbsent(fieldOf(refused), refused.getMessage());
            } catch (ObjectOptimisticLockingFailureException stale) {
                model.addAttribute("formError", "Someone else changed this product since you opened it. "
                        + "Open it again to see their change, then make yours.");
                response.setStatus(HttpStatus.CONFLICT.value());
                return form(form, id, model);
            }
        }
        return refused(form, id, errors, response, model);
    }

    /** Takes a product off sale, as {@code DELETE /api/admin/products/{id}} does; it stays for order history. */
    @PostMapping("/admin/products/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me,
            RedirectAttributes redirect) {
        administration.deactivateProduct(id, me.accountId());
        redirect.addFlashAttribute("notice", "The product is off sale. Tick \"On sale\" and save to sell it again.");
        return "redirect:/admin/products/" + id;
    }

    @GetMapping(path = "/admin/products/export")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"products.csv\"")
                .body(transfer.export());
    }

    @GetMapping("/admin/products/import")
    String importPage() {
        return "admin/product-import";
    }

    /**
     * Imports a CSV file: all or nothing, as the API does, unless staff ask to skip the refused lines.
     * Either way the report of every line comes back on the import page.
     */
    @PostMapping("/admin/products/import")
    String importProducts(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean skipRefused, @AuthenticationPrincipal SignedInAccount me,
            HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return importRefused(Map.of("file", "Choose a CSV file to import."), response, model);
        }
        try {
            ImportResult result = transfer.importProducts(file.getBytes(), me.accountId(),
                    skipRefused ? ImportMode.SKIP_REFUSED_LINES : ImportMode.ALL_OR_NOTHING);
            redirect.addFlashAttribute("report", result);
            redirect.addFlashAttribute("notice", "Imported " + file.getOriginalFilename() + ": " + result.created()
                    + " created, " + result.updated() + " updated, " + result.unchanged() + " unchanged, "
                    + result.refused() + " refused.");
        } catch (ImportRefused refused) {
            redirect.addFlashAttribute("refusedRows", refused.rows());
            redirect.addFlashAttribute("formError", refused.getMessage());
        } catch (BusinessRuleViolation malformed) {
            return importRefused(Map.of("file", malformed.getMessage()), response, model);
        }
        return "redirect:/admin/products/import";
    }

    private String importRefused(Map<String, String> errors, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", errors);
        return "admin/product-import";
    }

    /** The module's form, once its numbers are read and its own checks pass; every problem goes into {@code errors}. */
    private ProductForm checked(ProductPageForm form, Map<String, String> errors, Class<?>... groups) {
        ProductForm product = form.toProductForm(errors);
        FormNumbers.collect(validator.validate(product, groups), errors);
        return product;
    }

    /** The field a catalogue refusal is about: its own field, or the SKU when the SKU is taken. */
    private static String fieldOf(BusinessRuleViolation refused) {
        if (refused.field() != null) {
            return refused.field();
        }
        return "catalog.sku-taken".equals(refused.code()) ? "sku" : "form";
    }

    private String refused(ProductPageForm form, Long id, Map<String, String> errors, HttpServletResponse response,
            Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("formError", errors.getOrDefault("form",
                "The product was not saved: correct the fields marked below."));
        return form(form, id, model);
    }

    private String form(ProductPageForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("productId", id);
        model.addAttribute("categories", administration.categories());
        model.addAttribute("units", UNITS);
        model.addAttribute("gstRate", gstRate(form.getHsnCode()));
        return "admin/product-form";
    }

    /** Today's GST rate for the HSN code, as checkout will charge it, or null if none is on record. */
    private String gstRate(String hsnCode) {
        if (hsnCode == null || !hsnCode.matches("[0-9]{4}|[0-9]{6}|[0-9]{8}")) {
            return null;
        }
        try {
            return gstRates.rateFor(hsnCode, IndianDay.today(clock)).percent().stripTrailingZeros().toPlainString()
                    + " %";
        } catch (BusinessRuleViolation none) {
            return null;
        }
    }

    static Map<Long, String> names(List<AdminCategory> categories) {
        return categories.stream().collect(Collectors.toMap(AdminCategory::id, AdminCategory::name));
    }
}
