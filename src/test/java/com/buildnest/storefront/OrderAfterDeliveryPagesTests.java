package com.buildnest.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;

/**
 * After delivery, in a real browser: the order page asks the ordering module for a return (reason
 * required, refused outside the window with the module's message) and shows its status, and offers
 * a review of each product received, which the product page then offers no more.
 */
@BuildNestTest
class OrderAfterDeliveryPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    PurchaseFixtures purchase;

    @BeforeEach
    void shop() {
        purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
    }

    @Test
    void aDeliveredOrderIsReturnedFromItsPageWithAReasonAndShowsTheReturnsStatus() {
        long cement = purchase.product(20);
        try (Browser browser = new Browser(port)) {
            Buyer buyer = signedUpBuyer(browser);
            String orderNumber = purchase.deliveredOrder(buyer, cement, 3);

            browser.open("/orders/" + orderNumber);
            assertThat(browser.text("#order-status")).isEqualTo("DELIVERED");
            browser.press("Return this order");
            assertThat(browser.text("#return-reason-error")).contains("why");
            assertThat(browser.text("#order-status")).as("nothing changed").isEqualTo("DELIVERED");

            browser.type("#return-reason", "Wrong grade: we needed OPC 43");
            browser.screenshot("order-return");
            browser.press("Return this order");
            assertThat(browser.waitForText("#order-status", "RETURN_REQUESTED")).isEqualTo("RETURN_REQUESTED");
            assertThat(browser.text("#return-status")).contains("Wrong grade: we needed OPC 43")
                    .contains("arrange the pick-up");
            assertThat(browser.all("#return-form")).as("asked once").isEmpty();
            assertThat(purchase.order(buyer, orderNumber).get("status").asString()).isEqualTo("RETURN_REQUESTED");
        }
    }

    @Test
    void aReturnAskedForAfterTheWindowShowsTheOrderingModulesMessageAndChangesNothing() {
        long cement = purchase.product(20);
        try (Browser browser = new Browser(port)) {
            Buyer buyer = signedUpBuyer(browser);
            String orderNumber = purchase.deliveredOrder(buyer, cement, 2);
            browser.open("/orders/" + orderNumber);
            // the window closes while the page is open: delivered 7 days and a minute ago (stored in UTC)
            jdbc.sql("""
                    update ordering_status_change set changed_at = ?
                    where to_status = 'DELIVERED' and order_id = (select id from ordering_order where order_number = ?)""")
                    .param(LocalDateTime.ofInstant(Instant.now().minus(Duration.ofDays(7).plusMinutes(1)), ZoneOffset.UTC))
                    .param(orderNumber).update();

            browser.type("#return-reason", "Too many bags").press("Return this order");

            assertThat(browser.text("#return-error")).contains("could be returned for 7 days after delivery");
            assertThat(browser.text("#order-status")).isEqualTo("DELIVERED");
            assertThat(browser.all("#return-form")).as("no longer offered").isEmpty();
            assertThat(purchase.order(buyer, orderNumber).get("status").asString()).isEqualTo("DELIVERED");
        }
    }

    @Test
    void aReceivedProductIsReviewedFromTheOrderPageAndItsProductPageThenOffersNoForm() {
        long cement = purchase.product(20);
        try (Browser browser = new Browser(port)) {
            Buyer buyer = signedUpBuyer(browser);
            String unpaid = purchase.placedOrder(buyer, cement, 1);
            browser.open("/orders/" + unpaid);
            assertThat(browser.all("#reviews")).as("nothing received yet").isEmpty();
            browser.open("/products/" + cement);
            assertThat(browser.all("#write-review")).as("not a buyer who received it").isEmpty();

            String orderNumber = purchase.deliveredOrder(buyer, cement, 2);
            browser.open("/products/" + cement);
            assertThat(browser.all("#write-review")).hasSize(1);

            browser.open("/orders/" + orderNumber).click("#review-" + cement + " summary");
            browser.type("#review-text-" + cement, "").press("Publish review");
            assertThat(browser.text("#review-error-" + cement)).contains("text");   // the review module's form rule
            browser.type("#review-title-" + cement, "Sets fast").type("#review-text-" + cement, "Good, even grade")
                    .press("Publish review");
            browser.waitForText(".notice", "Thank you for your review");
            assertThat(browser.path()).isEqualTo("/orders/" + orderNumber);
            assertThat(browser.all("#reviews")).as("reviewed once").isEmpty();

            browser.open("/products/" + cement);
            assertThat(browser.text(".reviews")).contains("Sets fast").contains("Good, even grade");
            assertThat(browser.all("#write-review")).isEmpty();
        }
    }

    private Buyer signedUpBuyer(Browser browser) {
        return Shoppers.signedUp(browser, api, tokens, jdbc);
    }
}
