package com.buildnest.cart;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.cart.CartRequests.AddItem;
import com.buildnest.cart.CartRequests.ChangeQuantity;

/**
 * The shopper's cart over HTTP, for customers (bearer token) and guests ({@code X-Cart-Token}).
 * Every answer carries the cart's version as its {@code ETag}; a change sent with
 * {@code If-Match} is refused with 409 {@code cart.version-conflict} if the cart has moved on.
 */
@RestController
@RequestMapping("/api/cart")
class CartApiController {

    static final String CART_TOKEN = "X-Cart-Token";

    private final Carts carts;

    CartApiController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping
    ResponseEntity<CartView> cart(@AuthenticationPrincipal Jwt account,
            @RequestHeader(name = CART_TOKEN, required = false) String cartToken) {
        return answer(HttpStatus.OK, carts.cart(shopper(account, cartToken)));
    }

    @PostMapping("/items")
    ResponseEntity<CartView> add(@AuthenticationPrincipal Jwt account,
            @RequestHeader(name = CART_TOKEN, required = false) String cartToken,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AddItem item) {
        return answer(HttpStatus.CREATED, carts.add(shopper(account, cartToken), item.productId(), item.quantity(),
                version(ifMatch)));
    }

    @PatchMapping("/items/{itemId}")
    ResponseEntity<CartView> change(@AuthenticationPrincipal Jwt account,
            @RequestHeader(name = CART_TOKEN, required = false) String cartToken,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @PathVariable long itemId, @Valid @RequestBody ChangeQuantity change) {
        return answer(HttpStatus.OK, carts.change(shopper(account, cartToken), itemId, change.quantity(),
                version(ifMatch)));
    }

    @DeleteMapping("/items/{itemId}")
    ResponseEntity<CartView> remove(@AuthenticationPrincipal Jwt account,
            @RequestHeader(name = CART_TOKEN, required = false) String cartToken,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @PathVariable long itemId) {
        return answer(HttpStatus.OK, carts.remove(shopper(account, cartToken), itemId, version(ifMatch)));
    }

    private static Shopper shopper(Jwt account, String cartToken) {
        return new Shopper(account == null ? null : Long.valueOf(account.getSubject()), cartToken);
    }

    /**
     * The version an {@code If-Match} names ({@code "7"}, weak or not); null without one or for
     * {@code *}; an entity tag that is no version of ours matches nothing.
     */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        return tag.matches("[0-9]{1,18}") ? Long.valueOf(tag) : -1L;
    }

    private static ResponseEntity<CartView> answer(HttpStatus status, CartView cart) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag("\"" + cart.version() + "\"");
        if (status == HttpStatus.CREATED) {
            response.location(URI.create("/api/cart"));
        }
        if (cart.cartToken() != null) {
            response.header(CART_TOKEN, cart.cartToken());
        }
        return response.body(cart);
    }
}
