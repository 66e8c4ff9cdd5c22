package com.buildnest.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import com.buildnest.testing.Browser;

/**
 * What a shopper does in the browser, step by step, for journeys that go on after the purchase
 * (staff ship the order, say). {@link ShopperJourneyTests} walks the same way with its checks at
 * every page.
 */
public final class ShopperSteps {

    public static final String PASSWORD = "Correct-Horse-Battery-42";

    private ShopperSteps() {
    }

    /**
     * A guest finds UltraTech cement, puts the least one may buy in the cart, signs up, checks out
     * to an address in Bengaluru and pays on the simulated gateway's page; answers the order number,
     * with the browser on the order's page.
     */
    public static String guestSignsUpAndPaysForCement(Browser browser) {
        browser.open("/search?q=cement&brand=UltraTech").click("#results .card-link");
        String minimum = browser.find("#quantity").getDomAttribute("placeholder");
        browser.type("#quantity", minimum).press("Add to cart");
        browser.waitForPath("/cart");
        guestSignsUp(browser);
        browser.open("/checkout");
        fillAddress(browser, "560001");
        browser.press("Save address");
        browser.waitForPath("/checkout");
        browser.press("Continue to payment");
        browser.waitForPath("/pay/");
        browser.click("#pay-now");
        String order = browser.waitForPath("/orders/").substring("/orders/".length());
        assertThat(browser.text("#order-status")).isEqualTo("PAID");
        return order;
    }

    /**
     * A guest signs up as Asha Rao with a new username and {@link #PASSWORD}; answers the username,
     * with the browser signed in on the account page.
     */
    public static String guestSignsUp(Browser browser) {
        String username = "shopper" + ThreadLocalRandom.current().nextInt(1_000_000);
        browser.open("/signup").type("#username", username).type("#email", username + "@example.com")
                .type("#password", PASSWORD).type("#fullName", "Asha Rao").press("Create account");
        browser.waitForPath("/account");
        return username;
    }

    /** Fills the address form of the checkout or the account page, for Bengaluru at {@code pinCode}. */
    public static void fillAddress(Browser browser, String pinCode) {
        browser.type("#address-recipientName", "Asha Rao").type("#address-phone", "9876543210")
                .type("#address-line1", "12 MG Road").type("#address-city", "Bengaluru").type("#address-state", "KA")
                .type("#address-pinCode", pinCode);
    }
}
