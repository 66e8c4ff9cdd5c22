package com.buildnest.backoffice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.catalog.CatalogAdministration;
import com.buildnest.catalog.CatalogAdministration.AdminCategory;
import com.buildnest.catalog.CategoryForm;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Staff's categories: the tree, a new category, renaming or moving one, and deleting an empty one,
 * through the catalogue module's {@link CatalogAdministration} (as {@code /api/admin/categories}),
 * which refuses a taken slug, a parent inside the category itself, and deleting a category that
 * still holds products or sub-categories.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class CategoryPages {

    private final CatalogAdministration administration;
    private final Validator validator;

    CategoryPages(CatalogAdministration administration, Validator validator) {
        this.administration = administration;
        this.validator = validator;
    }

    /** A category as typed in the form: text throughout, so a refused form shows it again as it was. */
    record CategoryPageForm(String slug, String name, String parentId, String position, String lowStockThreshold) {

        static CategoryPageForm of(AdminCategory category) {
            return new CategoryPageForm(category.slug(), category.name(), text(category.parentId()),
                    Integer.toString(category.position()), text(category.lowStockThreshold()));
        }

        CategoryForm toCategoryForm(Map<String, String> errors) {
            FormNumbers numbers = new FormNumbers(errors);
            Long at = numbers.read("position", position);
            Integer place = at == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, at));
            return new CategoryForm(slug, name, numbers.read("parentId", parentId), place,
                    numbers.read("lowStockThreshold", lowStockThreshold));
        }

        private static String text(Long number) {
            return number == null ? null : number.toString();
        }
    }

    /** A line of the tree: the category and how deep it sits. */
    record TreeLine(AdminCategory category, int depth, String parentName) {
        public String indent() {
            return "— ".repeat(depth);
        }
    }

    @GetMapping("/admin/categories")
    String categories(Model model) {
        return page(new CategoryPageForm(null, null, null, null, null), model);
    }

    @PostMapping("/admin/categories")
    String create(@ModelAttribute("category") CategoryPageForm form, @AuthenticationPrincipal SignedInAccount me,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        CategoryForm category = checked(form, errors);
        if (errors.isEmpty()) {
            try {
                AdminCategory created = administration.createCategory(category, me.accountId());
                redirect.addFlashAttribute("notice", "Category " + created.name() + " created.");
                return "redirect:/admin/categories";
            } catch (BusinessRuleViolation refused) {
                errors.putIfAbsent(fieldOf(refused), refused.getMessage());
            }
        }
        refuse(errors, response, model);
        return page(form, model);
    }

    @GetMapping("/admin/categories/{id}")
    String edit(@PathVariable long id, Model model) {
        return editPage(id, CategoryPageForm.of(administration.category(id)), model);
    }

    @PostMapping("/admin/categories/{id}")
    String update(@PathVariable long id, @ModelAttribute("category") CategoryPageForm form,
            @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        CategoryForm category = checked(form, errors);
        if (errors.isEmpty()) {
            try {
                AdminCategory saved = administration.updateCategory(id, category, me.accountId());
                redirect.addFlashAttribute("notice", "Category " + saved.name() + " saved.");
                return "redirect:/admin/categories";
            } catch (BusinessRuleViolation refused) {
                errors.putIfAbsent(fieldOf(refused), refused.getMessage());
            }
        }
        refuse(errors, response, model);
        return editPage(id, form, model);
    }

    /** Deletes an empty category; one still holding products or sub-categories is refused with the module's reason. */
    @PostMapping("/admin/categories/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        AdminCategory category = administration.category(id);
        try {
            administration.deleteCategory(id, me.accountId());
        } catch (BusinessRuleViolation refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("formError", refused.getMessage());
            return page(new CategoryPageForm(null, null, null, null, null), model);
        }
        redirect.addFlashAttribute("notice", "Category " + category.name() + " deleted.");
        return "redirect:/admin/categories";
    }

    private CategoryForm checked(CategoryPageForm form, Map<String, String> errors) {
        CategoryForm category = form.toCategoryForm(errors);
        FormNumbers.collect(validator.validate(category), errors);
        return category;
    }

    private static String fieldOf(BusinessRuleViolation refused) {
        if (refused.field() != null) {
            return refused.field();
        }
        return "catalog.slug-taken".equals(refused.code()) ? "slug" : "form";
    }

    private static void refuse(Map<String, String> errors, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("formError", errors.getOrDefault("form",
                "The category was not saved: correct the fields marked below."));
    }

    private String page(CategoryPageForm form, Model model) {
        List<AdminCategory> all = administration.categories();
        model.addAttribute("tree", tree(all));
        model.addAttribute("categories", all);
        model.addAttribute("category", form);
        return "admin/categories";
    }

    private String editPage(long id, CategoryPageForm form, Model model) {
        List<AdminCategory> all = administration.categories();
        model.addAttribute("categoryId", id);
        model.addAttribute("categories", all.stream().filter(c -> c.id() != id).toList());
        model.addAttribute("category", form);
        return "admin/category-form";
    }

    /** The categories depth first, each under its parent, in the shop's order; orphans (none expected) last. */
    static List<TreeLine> tree(List<AdminCategory> all) {
        Map<Long, String> names = ProductPages.names(all);
        List<TreeLine> lines = new ArrayList<>();
        addChildren(all, null, 0, names, lines);
        all.stream().filter(c -> lines.stream().noneMatch(l -> l.category().id() == c.id()))
                .forEach(c -> lines.add(new TreeLine(c, 0, names.get(c.parentId()))));
        return lines;
    }

    private static void addChildren(List<AdminCategory> all, Long parentId, int depth, Map<Long, String> names,
            List<TreeLine> lines) {
        for (AdminCategory category : all) {
            if (Objects.equals(category.parentId(), parentId) && depth < 20) {
                lines.add(new TreeLine(category, depth, parentId == null ? null : names.get(parentId)));
                addChildren(all, category.id(), depth + 1, names, lines);
            }
        }
    }
}
