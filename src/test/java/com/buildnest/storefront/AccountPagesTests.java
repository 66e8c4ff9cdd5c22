package com.buildnest.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;

/**
 * The account pages in a real browser: password reset through the mailed link, the wishlist,
 * no review form for a customer who never received the product, editing an address, and
 * cancelling an unpaid order.
 */
@BuildNestTest
class AccountPagesTests {

    private static final Pattern LINK = Pattern.compile("(/reset-password\\?token=[A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    GreenMail smtp;

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkAndTheNewOneSignsIn() throws Exception {
        try (Browser browser = new Browser(port)) {
            String name = ShopperSteps.guestSignsUp(browser);
            browser.click(".menu summary").press("Sign out"); // the account menu opens first
            browser.waitForPath("/?signedOut"); // signed out before the sign-in page is asked for
            browser.open("/signin").press("Forgotten your password?");
            browser.type("#email", name + "@example.com").press("Mail me a link");
            assertThat(browser.text("#sent")).contains("mailed");

            browser.open(linkMailedTo(name + "@example.com"));
            browser.type("#newPassword", "password1234").press("Set new password");
            assertThat(browser.text("#newPassword-error")).isNotBlank(); // the customer module's password policy

            browser.type("#newPassword", "Fresh river sand delivered Tuesday").press("Set new password");
            browser.waitForPath("/signin");
            browser.type("#username", name).type("#password", ShopperSteps.PASSWORD)
                    .click("main form button[type=submit]");
            assertThat(browser.text(".form-error")).contains("not right");
            assertThat(browser.find("#username").getDomProperty("value")).isEqualTo(name);
            browser.type("#password", "Fresh river sand delivered Tuesday").click("main form button[type=submit]");
            assertThat(browser.text(".menu summary")).isEqualTo(name);
        }
    }

    @Test
    void aPasswordResetInAnotherBrowserEndsThePageSessionsSignedInWithTheOldPassword() throws Exception {
        try (Browser phone = new Browser(port); Browser laptop = new Browser(port)) {
            String name = ShopperSteps.guestSignsUp(phone);     // signed in on the phone
            phone.open("/account");
            assertThat(phone.path()).startsWith("/account");

            laptop.open("/password/forgot").type("#email", name + "@example.com").press("Mail me a link");
            assertThat(laptop.text("#sent")).contains("mailed");
            laptop.open(linkMailedTo(name + "@example.com"));
            laptop.type("#newPassword", "Fresh river sand delivered Tuesday").press("Set new password");
            laptop.waitForPath("/signin");

            phone.open("/account");                       // the old sign-in no longer holds
            assertThat(phone.waitForPath("/signin")).startsWith("/signin");
            phone.open("/");
            assertThat(phone.all(".menu summary")).isEmpty();
        }
    }

    @Test
    void aSavedProductIsOnTheWishlistAndNoReviewIsOfferedWithoutADeliveredOrder() {
        try (Browser browser = new Browser(port)) {
            ShopperSteps.guestSignsUp(browser);
            browser.open("/search?q=cement&brand=UltraTech").click("#results .card-link");
            String product = browser.text("h1");
            browser.press("Save to wishlist");
            browser.waitForText(".notice", "Saved to your wishlist");   // the POST and its redirect are done
            browser.open("/account/wishlist");
            assertThat(browser.text("#wishlist")).contains(product);

            browser.open("/search?q=cement&brand=UltraTech").click("#results .card-link");
            assertThat(browser.text("#reviews-heading")).isEqualTo("Reviews");
            assertThat(browser.all("#write-review")).as("only a customer who received it may review").isEmpty();
        }
    }

    @Test
    void anUnpaidOrderIsCancelledFromItsPage() {
        try (Browser browser = new Browser(port)) {
            ShopperSteps.guestSignsUp(browser);
            browser.open("/search?q=cement&brand=UltraTech").click("#results .card-link");
            String minimum = browser.find("#quantity").getDomAttribute("placeholder");
            browser.type("#quantity", minimum).press("Add to cart");
            browser.waitForPath("/cart");   // the POST and its redirect are done
            browser.open("/checkout");
            browser.type("#address-recipientName", "Ravi Kumar").type("#address-phone", "9876543210")
                    .type("#address-line1", "4 Anna Salai").type("#address-city", "Chennai")
                    .type("#address-state", "TN").type("#address-pinCode", "600002").press("Save address");
            browser.press("Continue to payment");
            assertThat(browser.text("#gst-split")).contains("IGST").doesNotContain("CGST"); // Tamil Nadu: inter-state
            String order = browser.path().substring("/pay/".length());
            browser.open("/orders/" + order).click("#cancel-order");
            assertThat(browser.waitForText("#order-status", "CANCELLED")).isEqualTo("CANCELLED");
        }
    }

    @Test
    void anAddressIsEditedWithFieldMessagesKeepingWhatWasTypedAndCanBecomeTheDefault() {
        try (Browser browser = new Browser(port)) {
            ShopperSteps.guestSignsUp(browser);
            addAddress(browser, "Home", "Indiranagar 100 Feet Road", "560038");
            addAddress(browser, "Site", "Plot 12, Whitefield", "560066");   // the newest added is the default
            assertThat(browser.text(".addresses li:first-child")).contains("Site").contains("(default)");

            browser.click("a[aria-label='Edit address Home']");
            assertThat(browser.find("#address-line1").getDomProperty("value")).isEqualTo("Indiranagar 100 Feet Road");
            browser.type("#address-line1", "12th Main, HAL 2nd Stage").type("#address-pinCode", "56003")
                    .click("#address-isDefault").press("Save changes");
            assertThat(browser.text("#address-pinCode-error")).isNotBlank();   // the customer module's PIN rule
            assertThat(browser.find("#address-pinCode").getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#address-line1").getDomProperty("value")).isEqualTo("12th Main, HAL 2nd Stage");
            assertThat(browser.find("#address-isDefault").isSelected()).isTrue();
            browser.screenshot("address-edit");

            browser.type("#address-pinCode", "560038").press("Save changes");
            browser.waitForText(".notice", "Address Home saved");
            assertThat(browser.text(".addresses li:first-child")).contains("Home").contains("(default)")
                    .contains("12th Main, HAL 2nd Stage").contains("560038");
            assertThat(browser.text(".addresses li:last-child")).contains("Site").doesNotContain("(default)")
                    .contains("Plot 12, Whitefield");
        }
    }

    @Test
    void withNoSocialProviderConfiguredTheSignInAndSignUpPagesOfferNoSocialButton() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : new String[] { "/signin", "/signup" }) {
            HttpResponse<String> shown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("<form").doesNotContain("Continue with").doesNotContain("social-sign-in");
        }
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/signin/social/google")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(404);
    }

    private static void addAddress(Browser browser, String label, String line1, String pinCode) {
        browser.open("/account");
        browser.type("#address-label", label).type("#address-recipientName", "Ravi Kumar")
                .type("#address-phone", "9876543210").type("#address-line1", line1)
                .type("#address-city", "Bengaluru").type("#address-state", "KA").type("#address-pinCode", pinCode)
                .press("Save address");
        browser.waitForText(".addresses", line1);
    }

    private String linkMailedTo(String recipient) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)) {
                    Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
                    if (link.find()) {
                        return link.group(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no reset mail reached " + recipient);
    }
}
