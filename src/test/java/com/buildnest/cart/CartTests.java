package com.buildnest.cart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.buildnest.catalog.OrderQuantityRule;

/** The cart's own rules, without Spring. */
class CartTests {

    static final OrderQuantityRule STEEL = new OrderQuantityRule(500, 100, 100_000);

    @Test
    void theLargestOrderableQuantityStaysOnAStepAndUnderTheCapAndTheMaximum() {
        assertThat(Cart.largestOrderable(STEEL, 1_250)).isEqualTo(1_200);
        assertThat(Cart.largestOrderable(STEEL, 1_200)).isEqualTo(1_200);
        assertThat(Cart.largestOrderable(STEEL, 500)).isEqualTo(500);
        assertThat(Cart.largestOrderable(STEEL, 250_000)).isEqualTo(100_000);
    }

    @Test
    void nothingIsOrderableBelowTheMinimum() {
        assertThat(Cart.largestOrderable(STEEL, 499)).isZero();
        assertThat(Cart.largestOrderable(STEEL, 0)).isZero();
    }

    @Test
    void aGuestTokenIsTwoHundredFiftySixRandomBitsAndOnlyItsShapeIsAccepted() {
        GuestToken token = GuestToken.generate();
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(GuestToken.generate().value());
        assertThat(GuestToken.parse(token.value())).contains(token);
        assertThat(token.hash()).hasSize(64).isEqualTo(CartApiTests.sha256(token.value()));
        assertThat(GuestToken.parse(null)).isEmpty();
        assertThat(GuestToken.parse("short")).isEmpty();
        assertThat(GuestToken.parse(token.value() + "=")).isEmpty();
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void anIfMatchNamesAVersionOrMatchesNothing() {
        assertThat(CartApiController.version(null)).isNull();
        assertThat(CartApiController.version("*")).isNull();
        assertThat(CartApiController.version("\"7\"")).isEqualTo(7);
        assertThat(CartApiController.version("W/\"7\"")).isEqualTo(7);
        assertThat(CartApiController.version("\"seven\"")).isEqualTo(-1);
    }
}
