package com.buildnest.storefront;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.review.ReviewForm;
import com.buildnest.review.Reviews;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.wishlist.Wishlists;

/**
 * The wishlist and writing a review, through the wishlist and review modules as
 * {@code /api/wishlist} and {@code /api/products/{id}/reviews} use them. The review module decides
 * who may review (a buyer whose order was delivered, once); its refusal shows on the form.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class WishlistController {

    private final Wishlists wishlists;
    private final Reviews reviews;

    WishlistController(Wishlists wishlists, Reviews reviews) {
        this.wishlists = wishlists;
        this.reviews = reviews;
    }

    @GetMapping("/account/wishlist")
    String wishlist(@AuthenticationPrincipal SignedInAccount me, Model model) {
        model.addAttribute("wishlist", wishlists.of(me.accountId()));
        return "wishlist";
    }

    @PostMapping("/account/wishlist")
    String add(@AuthenticationPrincipal SignedInAccount me, @RequestParam long productId,
            RedirectAttributes redirect) {
        try {
            wishlists.add(me.accountId(), productId);
            redirect.addFlashAttribute("notice", "Saved to your wishlist.");
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("notice", refused.getMessage());
        }
        return "redirect:/products/" + productId;
    }

    @PostMapping("/account/wishlist/{productId}/remove")
    String remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId) {
        wishlists.remove(me.accountId(), productId);
        return "redirect:/account/wishlist";
    }

    /** Posts a review from the product page or a delivered order's page ({@code from}), and goes back there. */
    @PostMapping("/account/reviews")
    String review(@AuthenticationPrincipal SignedInAccount me, @RequestParam long productId,
            @RequestParam(required = false) String from, @Valid @ModelAttribute("review") ReviewForm form,
            BindingResult errors, RedirectAttributes redirect) {
        String back = from != null && from.matches("/orders/[A-Za-z0-9-]{1,40}") ? from : "/products/" + productId;
        try {
            if (errors.hasErrors()) {
                FieldError first = errors.getFieldErrors().get(0);
                throw BusinessRuleViolation.invalidField("request.invalid", first.getField(),
                        first.getField() + " " + first.getDefaultMessage() + ".");
            }
            reviews.post(productId, me.accountId(), form);
            redirect.addFlashAttribute("notice", "Thank you for your review.");
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("reviewError", refused.getMessage());
            redirect.addFlashAttribute("reviewProduct", productId);
            redirect.addFlashAttribute("reviewRating", form.rating() == null ? null : form.rating().intValue());
            redirect.addFlashAttribute("reviewTitle", form.title());
            redirect.addFlashAttribute("reviewText", form.text());
        }
        return "redirect:" + back;
    }
}
