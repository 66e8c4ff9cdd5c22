package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Registration;
import com.buildnest.customer.Role;
import com.buildnest.storefront.ShopperSteps;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;

/**
 * Issue 8's journey past the purchase, in two real browsers (headless Chromium): a guest signs up
 * and pays for cement; staff sign in, find the order in the back office, pack it and ship it with
 * a tracking number; the customer's order page then shows it shipped with that number.
 * Run with {@code -Dscreenshots=true} to refresh admin-orders.png and admin-order.png
 * (ops/storefront/screenshots.sh).
 */
@BuildNestTest
class StaffShipsTheOrderJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    Registration registration;

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Test
    void staffShipThePaidOrderAndTheCustomerSeesItShippedWithItsTrackingNumber() {
        String staffName = PageVisitor.newAccount(registration, api, tokens, Role.STAFF);
        try (Browser shopper = new Browser(port); Browser staff = new Browser(port)) {
            String orderNumber = ShopperSteps.guestSignsUpAndPaysForCement(shopper);

            staff.open("/admin/orders");
            assertThat(staff.waitForPath("/signin?next=")).isEqualTo("/signin?next=/admin/orders");
            staff.type("#username", staffName).type("#password", PageVisitor.PASSWORD)
                    .click("main form button[type=submit]");
            staff.waitForPath("/admin/orders");
            staff.find("#status option[value=PAID]").click();
            staff.press("Find");
            staff.waitForPath("/admin/orders?");
            assertThat(staff.text("#orders")).contains(orderNumber);
            staff.screenshot("admin-orders");

            staff.click("#orders a[href='/admin/orders/" + orderNumber + "']");
            staff.waitForPath("/admin/orders/" + orderNumber);
            assertThat(staff.text("#order-status")).isEqualTo("PAID");
            assertThat(staff.text("#gst-split")).contains("CGST").contains("SGST");
            assertThat(staff.text("#history")).contains("PENDING_PAYMENT").contains("PAID");
            staff.screenshot("admin-order");

            staff.click("#pack");
            assertThat(staff.waitForText(".notice", "Packed.")).isEqualTo("Packed.");
            assertThat(staff.text("#order-status")).isEqualTo("PACKED");
            staff.type("#carrier", "VRL Logistics").type("#trackingNumber", "VRL-20261126-0042").click("#ship");
            staff.waitForText(".notice", "Shipped");
            assertThat(staff.text("#order-status")).isEqualTo("SHIPPED");
            assertThat(staff.text("#shipment")).isEqualTo(
                    "Shipped by VRL Logistics, tracking number VRL-20261126-0042");

            shopper.open("/orders/" + orderNumber);
            assertThat(shopper.text("#order-status")).isEqualTo("SHIPPED");
            assertThat(shopper.text("main")).contains("Shipped by VRL Logistics, tracking number VRL-20261126-0042");

            // Next step of issue 8's journey (the lead adds it with the dashboard): an admin sees the sale
            // on the dashboard.
        }
    }
}
