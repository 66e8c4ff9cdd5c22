package com.buildnest.storefront;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.buildnest.cart.CartView;
import com.buildnest.catalog.ProductCatalog;
import com.buildnest.catalog.ProductCatalog.CategoryNode;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.platform.web.PageForms;

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

    @InitBinder
    void emptyFieldsAreAbsent(WebDataBinder binder) {
        PageForms.emptyFieldsAreAbsent(binder);
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

    /** Remembers the count of a cart just read or changed, for the header. */
    static CartView remember(CartView cart, HttpServletRequest request) {
        if (cart.itemCount() > 0 || request.getSession(false) != null) {
            request.getSession(true).setAttribute(CART_COUNT, cart.itemCount());
        }
        return cart;
    }
}
