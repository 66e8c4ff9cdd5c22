package com.buildnest.wishlist;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.wishlist.Wishlists.Addition;
import com.buildnest.wishlist.Wishlists.ItemView;
import com.buildnest.wishlist.Wishlists.WishlistView;

/**
 * The signed-in customer's own wishlist. {@code PUT} of a product is idempotent: 201 when it was
 * added, 200 when it was there already; {@code DELETE} answers 204 whether or not it was there.
 */
@RestController
@RequestMapping("/api/wishlist")
class WishlistApiController {

    private final Wishlists wishlists;

    WishlistApiController(Wishlists wishlists) {
        this.wishlists = wishlists;
    }

    @GetMapping
    WishlistView wishlist(@AuthenticationPrincipal Jwt caller) {
        return wishlists.of(accountOf(caller));
    }

    @PutMapping("/items/{productId}")
    ResponseEntity<ItemView> add(@AuthenticationPrincipal Jwt caller, @PathVariable long productId) {
        Addition addition = wishlists.add(accountOf(caller), productId);
        return ResponseEntity.status(addition.added() ? HttpStatus.CREATED : HttpStatus.OK).body(addition.item());
    }

    @DeleteMapping("/items/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Jwt caller, @PathVariable long productId) {
        wishlists.remove(accountOf(caller), productId);
    }

    private static long accountOf(Jwt caller) {
        return Long.parseLong(caller.getSubject());
    }
}
