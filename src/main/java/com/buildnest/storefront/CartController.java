package com.buildnest.storefront;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.cart.CartView;
import com.buildnest.cart.Carts;
import com.buildnest.catalog.ProductCatalog;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * The cart, a guest's or a customer's, through the cart module as {@code /api/cart} uses it: the
 * module checks every quantity against the product's minimum, step and stock, and the page shows
 * its refusal beside the field, keeping what the shopper typed.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class CartController {

    private final Carts carts;
    private final ProductCatalog catalog;
    private final PageSession session;

    CartController(Carts carts, ProductCatalog catalog, PageSession session) {
        this.carts = carts;
        this.catalog = catalog;
        this.session = session;
    }

    @GetMapping("/cart")
    String cart(@AuthenticationPrincipal SignedInAccount account, HttpServletRequest request, Model model) {
        model.addAttribute("cart", PageModel.remember(carts.cart(session.shopper(account, request)), request));
        return "cart";
    }

    @PostMapping("/cart/items")
    String add(@AuthenticationPrincipal SignedInAccount account, @RequestParam long productId,
            @RequestParam(defaultValue = "") String quantity, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        try {
            CartView cart = carts.add(session.shopper(account, request), productId, wholeNumber(quantity), null);
            session.keepCartToken(cart.cartToken(), request);
            PageModel.remember(cart, request);
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            model.addAttribute("product", catalog.product(productId));
            model.addAttribute("quantity", quantity);
            model.addAttribute("quantityError", refused.getMessage());
            return "product";
        }
        redirect.addFlashAttribute("notice", "Added to your cart.");
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{itemId}")
    String change(@AuthenticationPrincipal SignedInAccount account, @PathVariable long itemId,
            @RequestParam(defaultValue = "") String quantity, HttpServletRequest request, Model model) {
        try {
            PageModel.remember(carts.change(session.shopper(account, request), itemId, wholeNumber(quantity), null),
                    request);
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            model.addAttribute("cart", carts.cart(session.shopper(account, request)));
            model.addAttribute("lineError", refused.getMessage());
            model.addAttribute("lineErrorItem", itemId);
            model.addAttribute("typed", quantity);
            return "cart";
        }
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{itemId}/remove")
    String remove(@AuthenticationPrincipal SignedInAccount account, @PathVariable long itemId,
            HttpServletRequest request) {
        PageModel.remember(carts.remove(session.shopper(account, request), itemId, null), request);
        return "redirect:/cart";
    }

    /** A quantity as typed: a whole number, or refused on the field like the module's own refusals. */
    private static long wholeNumber(String typed) {
        String quantity = typed == null ? "" : typed.strip();
        if (!quantity.matches("\\d{1,9}") || Long.parseLong(quantity) == 0) {
            throw BusinessRuleViolation.invalidField("request.invalid", "quantity",
                    "Enter a whole number of at least 1.");
        }
        return Long.parseLong(quantity);
    }
}
