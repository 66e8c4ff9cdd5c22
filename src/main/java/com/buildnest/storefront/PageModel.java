package com.buildnest.storefront;

import java.beans.PropertyEditorSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.buildnest.cart.CartView;
import com.buildnest.catalog.ProductCatalog;
import com.buildnest.catalog.ProductCatalog.CategoryNode;
import com.buildnest.customer.SignIn.SignedInAccount;

/**
 * What every page's layout shows: the category menu (the catalogue's cached tree, no query), the
 * signed-in shopper and the cart count. The count is remembered in the session whenever a page
 * reads or changes the cart, so the header costs no query.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    static final String CART_COUNT = "buildnest.cartCount";

    private final ProductCatalog catalog;

    PageModel(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * An empty form field binds as absent (null), as a JSON client leaves a field out: the modules'
     * checks treat "not given" and "" alike then (an optional GSTIN, say). Nothing is trimmed.
     */
    @InitBinder
    void emptyFieldsAreAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
    }

    @ModelAttribute("menu")
    List<CategoryNode> menu() {
        return catalog.categoryTree();
    }

    @ModelAttribute("me")
    SignedInAccount me(@AuthenticationPrincipal SignedInAccount account) {
        return account;
    }

    @ModelAttribute("cartCount")
    int cartCount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object count = session == null ? null : session.getAttribute(CART_COUNT);
        return count instanceof Integer value ? value : 0;
    }

    /** No field has a message until a form comes back refused. */
    @ModelAttribute("fieldErrors")
    Map<String, String> fieldErrors() {
        return Map.of();
    }

    /** A refused form's first message per field, for the template to show beside each field. */
    static Map<String, String> messages(BindingResult errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> messages.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return messages;
    }

    /** Remembers the count of a cart just read or changed, for the header. */
    static CartView remember(CartView cart, HttpServletRequest request) {
        if (cart.itemCount() > 0 || request.getSession(false) != null) {
            request.getSession(true).setAttribute(CART_COUNT, cart.itemCount());
        }
        return cart;
    }
}
