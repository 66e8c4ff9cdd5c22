package com.buildnest.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.ui.ExtendedModelMap;

import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;

/**
 * The storefront in a real browser (headless Chromium): a guest browses, searches with a facet,
 * adds to cart, signs up, checks out, pays on the simulated gateway's page, sees the order and
 * downloads its invoice; forms keep what was typed and say what is wrong beside each field.
 * Run with {@code -Dscreenshots=true} to refresh docs/screenshots (ops/storefront/screenshots.sh).
 */
@BuildNestTest
class ShopperJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ShopController shop;

    @Test
    void guestBrowsesSearchesWithAFacetSignsUpChecksOutPaysAndDownloadsTheInvoice() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.open("/");
            assertThat(browser.title()).contains("BuildNest");
            assertThat(browser.all(".card")).isNotEmpty();
            browser.screenshot("home");

            browser.type("#site-search", "cement").click(".search button");
            browser.waitForPath("/search?q=cement");
            String before = browser.text("#results .count");
            browser.click("input[name=brand][value='UltraTech']");
            String after = browser.waitForChange("#results .count", before); // htmx swapped the main content only
            assertThat(count(after)).isPositive().isLessThan(count(before));
            assertThat(browser.path()).contains("brand=UltraTech"); // and pushed the filtered URL: a plain link
            assertThat(browser.all("#results .brand-name")).allSatisfy(brand ->
                    assertThat(brand.getText()).isEqualTo("UltraTech"));
            browser.screenshot("search-with-facet");

            browser.click("#results .card-link");
            assertThat(browser.text("h1")).contains("UltraTech");
            String product = browser.text("h1");
            assertThat(browser.text("#gst-note")).contains("GST").contains("HSN ");
            assertThat(browser.all("table.tiers tbody tr")).isNotEmpty();
            browser.screenshot("product");
            String minimum = browser.find("#quantity").getDomAttribute("placeholder");
            browser.type("#quantity", minimum).press("Add to cart");
            assertThat(browser.waitForPath("/cart")).isEqualTo("/cart");
            assertThat(browser.text("#cart-count")).isEqualTo("1");
            assertThat(browser.text("table.cart")).contains(product);
            browser.screenshot("cart");

            ShopperSteps.guestSignsUp(browser);
            assertThat(browser.text("#cart-count")).isEqualTo("1"); // the guest cart merged at sign-up

            browser.open("/checkout");
            ShopperSteps.fillAddress(browser, "560001");
            browser.press("Save address");
            assertThat(browser.waitForPath("/checkout")).isEqualTo("/checkout");
            browser.screenshot("checkout");
            browser.press("Continue to payment");
            browser.waitForPath("/pay/");
            String split = browser.text("#gst-split");
            assertThat(split).contains("CGST").contains("SGST").contains("Delivery").doesNotContain("IGST");
            browser.screenshot("pay");
            browser.click("#pay-now");
            browser.waitForPath("/orders/");
            assertThat(browser.text("#order-status")).isEqualTo("PAID");
            browser.screenshot("order");

            String invoice = browser.find("#invoice-link").getDomAttribute("href");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(browser.baseUrl() + invoice)).header("Cookie", browser.cookieHeader()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

            browser.open("/orders");
            assertThat(browser.text("main table")).contains("PAID");
            browser.phone().open("/").screenshot("home-phone").desktop();
        }
    }

    @Test
    void refusedFormsSayWhatIsWrongBesideEachFieldAndKeepWhatWasTyped() {
        String username = "typist" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Browser browser = new Browser(port)) {
            browser.open("/search?q=cement&brand=UltraTech").click("#results .card-link");
            browser.type("#quantity", "abc").press("Add to cart");
            assertThat(browser.text("#quantity-error")).isEqualTo("Enter a whole number of at least 1.");
            assertThat(browser.find("#quantity").getDomProperty("value")).isEqualTo("abc");
            assertThat(browser.text("#cart-count")).isEqualTo("0");

            browser.open("/signup").type("#username", username).type("#email", "not-an-email")
                    .type("#password", ShopperSteps.PASSWORD).press("Create account");
            assertThat(browser.text("#email-error")).contains("e-mail address");
            assertThat(browser.find("#username").getDomProperty("value")).isEqualTo(username);
            assertThat(browser.find("#email").getDomProperty("value")).isEqualTo("not-an-email");
            assertThat(browser.find("#password").getDomProperty("value")).isEmpty();
            browser.screenshot("signup-errors");

            browser.type("#email", username + "@example.com").type("#password", ShopperSteps.PASSWORD)
                    .press("Create account");
            browser.open("/account");
            ShopperSteps.fillAddress(browser, "12AB");
            browser.press("Save address");
            assertThat(browser.text("#address-pinCode-error")).isNotBlank();
            assertThat(browser.find("#address-pinCode").getDomProperty("value")).isEqualTo("12AB");
            assertThat(browser.find("#address-city").getDomProperty("value")).isEqualTo("Bengaluru");
            assertThat(browser.all(".addresses li")).isEmpty();
        }
    }

    @Test
    void aPageNobodyServesIsAFriendlyPageNotAStackTrace() {
        try (Browser browser = new Browser(port)) {
            browser.open("/no-such-page");
            assertThat(browser.text("h1")).isEqualTo("Page not found");
            browser.open("/products/999999999");
            assertThat(browser.text("h1")).isEqualTo("Page not found");
            assertThat(browser.text("main")).doesNotContain("Exception").doesNotContain("at com.");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/cart/items"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("productId=1&quantity=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("Not allowed").doesNotContain("Exception");
    }

    @Test
    void pagesCarryTheStrictContentSecurityPolicyAndTheApiStaysStateless() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cart"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self';").doesNotContain("unsafe"));
        assertThat(page.body()).doesNotContain("<script>").doesNotContain(" onclick=").doesNotContain(" style=");

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cart"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
    }

    /**
     * The pages add no queries of their own to the catalogue's: once the catalogue's memo holds a
     * search (seconds, docs/adr/0009), the home and search pages cost at most the stock lookup.
     * A cold search costs what {@code GET /api/products} costs (the catalogue's own read path).
     */
    @Test
    void homeAndSearchPagesNeedAtMostAFewQueries() {
        ShopController.Filters filters = new ShopController.Filters("cement", null, List.of("UltraTech"), "100-500",
                null, true, "price,asc", 0);
        shop.home(new ExtendedModelMap());
        shop.search(filters, new ExtendedModelMap());
        List<String> home = StatementCounter.statementsOf(() -> shop.home(new ExtendedModelMap()));
        List<String> search = StatementCounter.statementsOf(() -> shop.search(filters, new ExtendedModelMap()));
        assertThat(home).hasSizeLessThanOrEqualTo(3);
        assertThat(search).hasSizeLessThanOrEqualTo(3);
    }

    private static int count(String products) {
        return Integer.parseInt(products.replaceAll("\\D", ""));
    }
}
