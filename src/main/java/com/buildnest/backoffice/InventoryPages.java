package com.buildnest.backoffice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.catalog.ProductNames;
import com.buildnest.customer.AccountAdministration;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.inventory.Inventory;
import com.buildnest.inventory.Movement;
import com.buildnest.inventory.StockLevel;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * The stock list (search by SKU or product name, the low-stock list) and one SKU's stock: its
 * levels, its ledger, and the forms for an adjustment, a goods receipt and the low-stock threshold.
 * The inventory module's own methods (the ones {@code /api/admin/inventory} calls) decide; a refusal
 * comes back beside its field, with what was typed kept.
 */
@Hidden
@Controller
@RequestMapping("/admin/inventory")
class InventoryPages {

    private final Inventory inventory;
    private final ProductNames products;
    private final AccountAdministration accounts;

    InventoryPages(Inventory inventory, ProductNames products, AccountAdministration accounts) {
        this.inventory = inventory;
        this.products = products;
        this.accounts = accounts;
    }

    /** A correction: the inventory module refuses a zero change, a missing reason, or taking more than is available. */
    record AdjustmentForm(@NotNull(message = "Enter how many units to add (e.g. 5) or remove (e.g. -5).") Long delta,
            String reason) {
    }

    record ReceiptForm(@NotNull(message = "Enter how many units arrived.") Long quantity, String reason) {
    }

    /** An empty threshold means the configured (or category) default. */
    record ThresholdForm(Long threshold) {
    }

    @GetMapping
    String stock(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean low,
            @RequestParam(defaultValue = "0") int page, Model model) {
        List<String> named = products.skusNamed(q);
        Page<StockLevel> levels = inventory.stockList(q, named, low, PageRefusals.pageIndex(page),
                PageRefusals.PAGE_SIZE);
        model.addAttribute("levels", levels);
        model.addAttribute("names", products.namesOf(levels.map(StockLevel::sku).getContent()));
        model.addAttribute("q", q);
        model.addAttribute("low", low);
        return "admin/inventory";
    }

    @GetMapping("/{sku}")
    String sku(@PathVariable String sku, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("adjustment", new AdjustmentForm(null, null));
        model.addAttribute("receipt", new ReceiptForm(null, null));
        return stockPage(sku, page, null, model);
    }

    @PostMapping("/{sku}/adjustments")
    String adjust(@PathVariable String sku, @Valid @ModelAttribute("adjustment") AdjustmentForm form,
            BindingResult errors, @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Map<String, String> fieldErrors = prefixed("adjustment", PageRefusals.messages(errors));
        if (fieldErrors.isEmpty()) {
            try {
                StockLevel level = inventory.adjust(sku, form.delta(), form.reason(), me.accountId());
                redirect.addFlashAttribute("notice", "Stock of " + sku + " adjusted by " + signed(form.delta())
                        + ": " + level.available() + " available.");
                return "redirect:/admin/inventory/" + sku;
            } catch (BusinessRuleViolation refused) {
                PageRefusals.shown(refused, response);
                fieldErrors.put("adjustment." + fieldOf(refused, "delta"), refused.getMessage());
                model.addAttribute("receipt", new ReceiptForm(null, null));
                return stockPage(sku, 0, fieldErrors, model);
            }
        }
        response.setStatus(400);
        model.addAttribute("receipt", new ReceiptForm(null, null));
        return stockPage(sku, 0, fieldErrors, model);
    }

    @PostMapping("/{sku}/receipts")
    String receive(@PathVariable String sku, @Valid @ModelAttribute("receipt") ReceiptForm form,
            BindingResult errors, @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Map<String, String> fieldErrors = prefixed("receipt", PageRefusals.messages(errors));
        if (fieldErrors.isEmpty()) {
            try {
                StockLevel level = inventory.receive(sku, form.quantity(), form.reason(), me.accountId());
                redirect.addFlashAttribute("notice", form.quantity() + " units of " + sku + " received: "
                        + level.onHand() + " on hand.");
                return "redirect:/admin/inventory/" + sku;
            } catch (BusinessRuleViolation refused) {
                PageRefusals.shown(refused, response);
                fieldErrors.put("receipt." + fieldOf(refused, "quantity"), refused.getMessage());
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("adjustment", new AdjustmentForm(null, null));
        return stockPage(sku, 0, fieldErrors, model);
    }

    @PostMapping("/{sku}/threshold")
    String threshold(@PathVariable String sku, @ModelAttribute("thresholdForm") ThresholdForm form,
            BindingResult errors, @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Map<String, String> fieldErrors = prefixed("threshold", PageRefusals.messages(errors));
        if (fieldErrors.isEmpty()) {
            try {
                StockLevel level = inventory.setLowStockThreshold(sku, form.threshold(), me.accountId());
                redirect.addFlashAttribute("notice", "Low-stock threshold of " + sku + " is now "
                        + level.lowStockThreshold() + (form.threshold() == null ? " (the default)." : "."));
                return "redirect:/admin/inventory/" + sku;
            } catch (BusinessRuleViolation refused) {
                PageRefusals.shown(refused, response);
                fieldErrors.put("threshold.threshold", refused.getMessage());
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("adjustment", new AdjustmentForm(null, null));
        model.addAttribute("receipt", new ReceiptForm(null, null));
        return stockPage(sku, 0, fieldErrors, model);
    }

    private String stockPage(String sku, int page, Map<String, String> fieldErrors, Model model) {
        StockLevel level = inventory.level(sku);
        Page<Movement> movements = inventory.movements(sku, PageRefusals.pageIndex(page), PageRefusals.PAGE_SIZE);
        model.addAttribute("level", level);
        model.addAttribute("name", products.namesOf(List.of(sku)).get(sku));
        model.addAttribute("movements", movements);
        model.addAttribute("actors", accounts.usernames(movements.getContent().stream().map(Movement::actorId)
                .filter(Objects::nonNull).distinct().toList()));
        if (!model.containsAttribute("thresholdForm")) {
            model.addAttribute("thresholdForm", new ThresholdForm(null));
        }
        if (fieldErrors != null) {
            model.addAttribute("fieldErrors", fieldErrors);
        }
        return "admin/stock";
    }

    private static Map<String, String> prefixed(String form, Map<String, String> messages) {
        Map<String, String> fields = new HashMap<>();
        messages.forEach((field, message) -> fields.put(form + "." + field, message));
        return fields;
    }

    /** The form field a refusal is about: its own if it names one the form has, else the quantity. */
    private static String fieldOf(BusinessRuleViolation refused, String quantityField) {
        return "reason".equals(refused.field()) ? "reason" : quantityField;
    }

    private static String signed(long delta) {
        return delta > 0 ? "+" + delta : Long.toString(delta);
    }
}
