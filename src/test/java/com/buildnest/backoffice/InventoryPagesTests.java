package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.ui.ConcurrentModel;

import com.buildnest.audit.AuditTrail;
import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.AccessTokens.NewAccount;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.inventory.StockLevel;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.PageClient;
import com.buildnest.testing.StatementCounter;

/**
 * The back office's inventory pages: the stock list and low-stock list, one SKU's levels and
 * ledger, and adjustments, receipts and thresholds, refused by the inventory module's own rules.
 */
@BuildNestTest
class InventoryPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    InventoryPages pages;

    @Autowired
    AuditTrail audit;

    String sku;

    @BeforeEach
    void tenUnitsOfANewSku() {
        sku = "ADM-INV-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        inventory.track(sku, 3L);
        inventory.receive(sku, 10, "opening stock", 1);
    }

    @Test
    void staffAdjustStockWithAReasonAndTheLedgerShowsWhoWhyAndHowMuch() {
        NewAccount staff = tokens.newAccount(Role.STAFF);
        try (Browser browser = new Browser(port)) {
            browser.signIn(staff.username(), AccessTokens.PASSWORD, "/admin/inventory");
            browser.type("#q", sku).click("form.filters button[type=submit]");
            browser.waitForText("#stock", sku);
            browser.screenshot("admin-inventory");
            browser.click("#stock a");
            browser.waitForPath("/admin/inventory/" + sku);

            browser.type("#adjust-delta", "-4").type("#adjust-reason", "Four bags split in the yard").click("#adjust");

            assertThat(browser.waitForText(".notice", "adjusted by -4")).contains("6 available");
            assertThat(browser.text("#available")).isEqualTo("6");
            assertThat(browser.text("#ledger tbody tr:first-child")).contains("ADJUSTMENT", "-4",
                    "Four bags split in the yard", staff.username());
        }
        assertThat(inventory.level(sku).onHand()).isEqualTo(6);
    }

    @Test
    void anAdjustmentWithoutAReasonIsRefusedBesideItsFieldWithTheQuantityKept() {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));

        HttpResponse<String> refused = staff.post(page(), page() + "/adjustments", Map.of("delta", "-2", "reason", ""));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"adjust-reason-error\"", "Say why the stock is adjusted.")
                .containsPattern("id=\"adjust-delta\"[^>]*value=\"-2\"[^>]*aria-invalid=\"false\"")
                .containsPattern("id=\"adjust-reason\"[^>]*aria-invalid=\"true\""
                        + " aria-describedby=\"adjust-reason-error\"");
        assertThat(inventory.level(sku).onHand()).isEqualTo(10);
        assertThat(inventory.movements(sku, 0, 50).getTotalElements()).isEqualTo(1);
    }

    @Test
    void anAdjustmentTakingMoreThanIsAvailableIsRefusedAsAConflictAndChangesNothing() {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));

        HttpResponse<String> refused = staff.post(page(), page() + "/adjustments",
                Map.of("delta", "-11", "reason", "Stock count"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"adjust-delta-error\"", "Not enough stock of " + sku)
                .containsPattern("id=\"adjust-delta\"[^>]*value=\"-11\"")
                .containsPattern("id=\"adjust-reason\"[^>]*value=\"Stock count\"");
        assertThat(inventory.level(sku)).extracting(StockLevel::onHand, StockLevel::available).containsExactly(10L, 10L);
    }

    @Test
    void aGoodsReceiptAddsStockAndARaisedThresholdPutsTheSkuOnTheLowStockList() {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));

        HttpResponse<String> received = staff.post(page(), page() + "/receipts",
                Map.of("quantity", "5", "reason", "Invoice 7781"));
        assertThat(received.statusCode()).isEqualTo(302);
        assertThat(received.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith(page()));
        assertThat(inventory.level(sku).onHand()).isEqualTo(15);
        assertThat(staff.get("/admin/inventory?low=true&q=" + sku).body()).contains("No stock matches.");

        HttpResponse<String> raised = staff.post(page(), page() + "/threshold", Map.of("threshold", "20"));
        assertThat(raised.statusCode()).isEqualTo(302);
        assertThat(inventory.level(sku)).extracting(StockLevel::lowStockThreshold, StockLevel::lowStock)
                .containsExactly(20L, true);
        assertThat(staff.get("/admin/inventory?low=true&q=" + sku).body()).contains(">" + sku + "<");

        HttpResponse<String> zero = staff.post(page(), page() + "/receipts", Map.of("quantity", "0"));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("id=\"receipt-quantity-error\"", "The quantity must be between 1 and");
        assertThat(inventory.level(sku).onHand()).isEqualTo(15);
    }

    @Test
    void aThresholdChangedOnTheStockPageIsAuditedWithWhoAndTheThresholdItReplaced() {
        NewAccount staff = tokens.newAccount(Role.STAFF);
        PageClient staffPages = PageClient.signedIn(port, staff);

        assertThat(staffPages.post(page(), page() + "/threshold", Map.of("threshold", "20")).statusCode())
                .isEqualTo(302);
        assertThat(staffPages.post(page(), page() + "/threshold", Map.of("threshold", "")).statusCode())
                .isEqualTo(302);

        assertThat(audit.search(new AuditTrail.AuditFilter(staff.id(), null, "inventory.threshold-changed", null,
                null, null), 0, 10).getContent()).extracting(AuditTrail.AuditEntryView::detail).containsExactly(
                        "sku=" + sku + " before=20 after=default", "sku=" + sku + " before=3 after=20");
    }

    @Test
    void guestsAreSentToSignInShoppersAreRefusedAndAFormWithoutTheCsrfTokenChangesNothing() {
        HttpResponse<String> guest = PageClient.guest(port).get("/admin/inventory");
        assertThat(guest.statusCode()).isEqualTo(302);
        assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/signin?next=/admin/inventory");

        PageClient shopper = PageClient.signedIn(port, tokens.newAccount());
        assertThat(shopper.get("/admin/inventory").statusCode()).isEqualTo(403);
        assertThat(shopper.get(page()).body()).doesNotContain(sku);

        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        assertThat(staff.postWithoutToken(page() + "/adjustments", Map.of("delta", "-1", "reason", "forged"))
                .statusCode()).isEqualTo(403);
        assertThat(inventory.level(sku).onHand()).isEqualTo(10);
    }

    @Test
    void theStockListAndAStockPageCostAFixedNumberOfStatementsWhateverTheirLength() {
        for (int i = 0; i < 3; i++) {
            String more = sku + "-" + i;
            inventory.track(more, null);
            inventory.adjust(more, 2, "count", 1);
        }
        List<String> list = StatementCounter.statementsOf(() -> pages.stock("ADM-INV-", false, 0, new ConcurrentModel()));
        // the catalogue's name search, the page, its count, the page's product names
        assertThat(list).hasSizeLessThanOrEqualTo(4);

        List<String> stock = StatementCounter.statementsOf(() -> pages.sku(sku, 0, new ConcurrentModel()));
        // the levels, the ledger page, its count, the product name, the ledger's people
        assertThat(stock).hasSizeLessThanOrEqualTo(5);
    }

    private String page() {
        return "/admin/inventory/" + sku;
    }
}
