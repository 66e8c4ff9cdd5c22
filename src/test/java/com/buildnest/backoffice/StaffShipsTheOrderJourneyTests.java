package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.shared.IndianDay;
import com.buildnest.storefront.ShopperSteps;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;

/**
 * Issue 8's journey past the purchase, in two real browsers (headless Chromium): a guest signs up
 * and pays for cement; staff sign in, find the order in the back office, pack it and ship it with
 * a tracking number; the customer's order page then shows it shipped with that number; an
 * administrator watching today's dashboard sees one more paid order and its total in the revenue.
 * Run with {@code -Dscreenshots=true} to refresh admin-orders.png and admin-order.png
 * (ops/storefront/screenshots.sh).
 */
@BuildNestTest
class StaffShipsTheOrderJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Clock clock;

    @Test
    void staffShipThePaidOrderTheCustomerSeesItShippedAndAnAdminSeesTheSaleOnTheDashboard() {
        String staffName = tokens.newAccount(Role.STAFF).username();
        String adminName = tokens.newAccount(Role.ADMIN).username();
        String today = "/admin?from=" + IndianDay.today(clock) + "&to=" + IndianDay.today(clock);
        try (Browser shopper = new Browser(port); Browser staff = new Browser(port); Browser admin = new Browser(port)) {
            admin.signIn(adminName, AccessTokens.PASSWORD, "/admin");
            Today before = Today.readFrom(admin.open(today));

            String orderNumber = ShopperSteps.guestSignsUpAndPaysForCement(shopper);

            staff.open("/admin/orders");
            assertThat(staff.waitForPath("/signin?next=")).isEqualTo("/signin?next=/admin/orders");
            staff.type("#username", staffName).type("#password", AccessTokens.PASSWORD)
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

            long orderTotal = paise(shopper.text("#order-total"));

            // The dashboard's figures come from the order's events, written just after they commit.
            Today after = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Today.readFrom(admin.open(today)), now -> now.orders() > before.orders());
            assertThat(after.orders()).isEqualTo(before.orders() + 1);
            assertThat(after.revenue()).isEqualTo(before.revenue() + orderTotal);
            admin.screenshot("admin-dashboard-after-sale");
        }
    }

    /** Today's paid orders and revenue (in paise) as the dashboard shows them. */
    private record Today(long orders, long revenue) {

        static Today readFrom(Browser dashboard) {
            if (!dashboard.all("#no-orders").isEmpty()) {
                return new Today(0, 0);
            }
            return new Today(Long.parseLong(dashboard.text("#total-orders")), paise(dashboard.text("#total-revenue")));
        }
    }

    /** "₹1,23,456.50" or "₹1416.00" as paise. */
    private static long paise(String rupees) {
        return new BigDecimal(rupees.replace("₹", "").replace(",", "").trim()).movePointRight(2).longValueExact();
    }
}
