package com.buildnest.inventory;

import static com.buildnest.inventory.StockFixtures.cementOnTheShelf;
import static com.buildnest.inventory.StockFixtures.ledgerOf;
import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.StockFixtures.LedgerTotals;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** The inventory administration over real HTTP, as staff, customers and strangers call it. */
@BuildNestTest
class InventoryAdminApiTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    long staffId;
    String staff;

    @BeforeEach
    void staffMember() {
        staffId = tokens.newCustomer();
        staff = tokens.validFor(staffId, Role.STAFF);
    }

    @Test
    void staffReceiveAndAdjustStockAndSeeTheLevelsWithTheLedger() {
        String sku = cementOnTheShelf(inventory, 0, 5L);

        Response received = api.postJson(receipts(sku), "{\"quantity\": 100, \"reason\": \"GRN 4471 from UltraTech\"}",
                staff);
        Response adjusted = api.postJson(adjustments(sku), "{\"delta\": -3, \"reason\": \"three bags split\"}", staff);

        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.json().get("onHand").asLong()).isEqualTo(100);
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(adjusted.json().get("available").asLong()).isEqualTo(97);
        JsonNode details = api.get("/api/admin/inventory/" + sku, staff).json();
        assertThat(details.get("level").get("onHand").asLong()).isEqualTo(97);
        assertThat(details.get("level").get("reserved").asLong()).isZero();
        assertThat(details.get("level").get("lowStockThreshold").asLong()).isEqualTo(5);
        JsonNode latest = details.get("movements").get(0);
        assertThat(latest.get("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(latest.get("onHandChange").asLong()).isEqualTo(-3);
        assertThat(latest.get("reason").asString()).isEqualTo("three bags split");
        assertThat(latest.get("actorId").asLong()).isEqualTo(staffId);
        assertThat(details.get("movements").get(1).get("kind").asString()).isEqualTo("RECEIPT");
        assertThat(details.get("movements").get(1).get("actorId").asLong()).isEqualTo(staffId);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(97, 0, 2));
    }

    @Test
    void customersAreForbiddenAndStrangersUnauthenticatedAndNothingChanges() {
        String sku = cementOnTheShelf(inventory, 10, 0L);
        String customer = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER);
        String body = "{\"quantity\": 5, \"reason\": \"sneaky\"}";

        assertProblem(api.postJson(receipts(sku), body, customer), 403, "auth.forbidden");
        assertProblem(api.postJson(receipts(sku), body), 401, "auth.unauthenticated");
        assertProblem(api.postJson(adjustments(sku), "{\"delta\": -5, \"reason\": \"x\"}", customer), 403,
                "auth.forbidden");
        assertProblem(api.get("/api/admin/inventory/low-stock", customer), 403, "auth.forbidden");
        assertProblem(api.get("/api/admin/inventory/" + sku), 401, "auth.unauthenticated");

        assertThat(inventory.level(sku).onHand()).isEqualTo(10);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 0, 1));
    }

    @Test
    void anUntrackedSkuIsNotFound() {
        String sku = StockFixtures.newSku();

        assertProblem(api.get("/api/admin/inventory/" + sku, staff), 404, "inventory.sku-not-found");
        assertProblem(api.postJson(receipts(sku), "{\"quantity\": 5}", staff), 404, "inventory.sku-not-found");
        assertProblem(api.postJson(adjustments(sku), "{\"delta\": -1, \"reason\": \"count\"}", staff), 404,
                "inventory.sku-not-found");
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(0, 0, 0));
    }

    static Stream<String> absurdReceipts() {
        return Stream.of("{}", "{\"quantity\": 0}", "{\"quantity\": -5}", "{\"quantity\": 1000000001}",
                "{\"quantity\": 5, \"reason\": \"" + "x".repeat(201) + "\"}");
    }

    @ParameterizedTest
    @MethodSource("absurdReceipts")
    void absurdReceiptsAreRefusedAndChangeNothing(String body) {
        String sku = cementOnTheShelf(inventory, 10, 0L);

        assertProblem(api.postJson(receipts(sku), body, staff), 400, "request.invalid");

        assertThat(inventory.level(sku).onHand()).isEqualTo(10);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"delta\": 5}", "{\"delta\": 5, \"reason\": \"  \"}",
            "{\"delta\": -1000000001, \"reason\": \"oops\"}" })
    void adjustmentsWithoutAReasonOrBeyondBoundsAreRefusedAndChangeNothing(String body) {
        String sku = cementOnTheShelf(inventory, 10, 0L);

        assertProblem(api.postJson(adjustments(sku), body, staff), 400, "request.invalid");

        assertThat(inventory.level(sku).onHand()).isEqualTo(10);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 0, 1));
    }

    @Test
    void takingMoreThanIsAvailableIsAConflictAndChangesNothing() {
        String sku = cementOnTheShelf(inventory, 10, 0L);

        assertProblem(api.postJson(adjustments(sku), "{\"delta\": -11, \"reason\": \"count\"}", staff), 409,
                "inventory.insufficient-stock");
        assertProblem(api.postJson(adjustments(sku), "{\"delta\": 0, \"reason\": \"count\"}", staff), 422,
                "inventory.invalid-quantity");

        assertThat(inventory.level(sku).onHand()).isEqualTo(10);
        assertThat(ledgerOf(jdbc, sku)).isEqualTo(new LedgerTotals(10, 0, 1));
    }

    @Test
    void aSkuThatRanLowIsListedUntilItsThresholdIsLowered() {
        String sku = cementOnTheShelf(inventory, 6, 5L);
        assertThat(lowStockListing()).doesNotContainKey(sku);

        api.postJson(adjustments(sku), "{\"delta\": -2, \"reason\": \"count\"}", staff);

        assertThat(lowStockListing()).containsEntry(sku, 4L);
        Response lowered = api.send("PUT", "/api/admin/inventory/" + sku + "/threshold",
                Map.of("Authorization", "Bearer " + staff, "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString("{\"threshold\": 3}"));
        assertThat(lowered.status()).as(lowered.body()).isEqualTo(200);
        assertThat(lowered.json().get("lowStockThreshold").asLong()).isEqualTo(3);
        assertThat(lowStockListing()).doesNotContainKey(sku);
    }

    @Test
    void aThresholdChangeIsAuditedWithWhoWhichSkuAndTheThresholdItReplaced() {
        String sku = cementOnTheShelf(inventory, 20, 5L);

        assertThat(setThreshold(sku, "{\"threshold\": 12}").status()).isEqualTo(200);
        assertThat(setThreshold(sku, "{\"threshold\": null}").status()).isEqualTo(200);
        assertThat(setThreshold(sku, "{\"threshold\": null}").status()).as("already the default: nothing changes")
                .isEqualTo(200);
        assertProblem(setThreshold(sku, "{\"threshold\": -1}"), 400, "request.invalid");

        List<JsonNode> audited = thresholdAuditOf(sku);
        assertThat(audited).extracting(line -> line.get("detail").asString()).containsExactly(
                "sku=" + sku + " before=12 after=default", "sku=" + sku + " before=5 after=12");
        assertThat(audited).allSatisfy(line -> assertThat(line.get("actorId").asLong()).isEqualTo(staffId));
    }

    @Test
    void aRefusedThresholdChangeIsNotAudited() {
        String sku = cementOnTheShelf(inventory, 20, 5L);
        String customer = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER);

        assertProblem(api.send("PUT", "/api/admin/inventory/" + sku + "/threshold",
                Map.of("Authorization", "Bearer " + customer, "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString("{\"threshold\": 9}")), 403, "auth.forbidden");
        assertProblem(setThreshold("NO-SUCH-" + sku, "{\"threshold\": 9}"), 404, "inventory.sku-not-found");

        assertThat(inventory.level(sku).lowStockThreshold()).isEqualTo(5);
        assertThat(thresholdAuditOf(sku)).isEmpty();
        assertThat(thresholdAuditOf("NO-SUCH-" + sku)).isEmpty();
    }

    @Test
    void theLowStockListingIsPagedAndItsSizeCapped() {
        cementOnTheShelf(inventory, 0, 5L);

        JsonNode page = api.get("/api/admin/inventory/low-stock?size=1000", staff).json();

        assertThat(page.get("page").get("size").asInt()).isEqualTo(100);
        assertThat(page.get("page").get("totalElements").asLong()).isPositive();
        assertProblem(api.get("/api/admin/inventory/low-stock?size=0", staff), 400, "request.invalid");
    }

    /** Every SKU on the listing with what is available, walking all its pages. */
    private Map<String, Long> lowStockListing() {
        Map<String, Long> listed = new java.util.HashMap<>();
        for (int page = 0;; page++) {
            JsonNode body = api.get("/api/admin/inventory/low-stock?size=100&page=" + page, staff).json();
            body.get("content").forEach(level -> listed.put(level.get("sku").asString(),
                    level.get("available").asLong()));
            if (page + 1 >= body.get("page").get("totalPages").asInt()) {
                return listed;
            }
        }
    }

    private static String receipts(String sku) {
        return "/api/admin/inventory/" + sku + "/receipts";
    }

    private static String adjustments(String sku) {
        return "/api/admin/inventory/" + sku + "/adjustments";
    }

    private Response setThreshold(String sku, String body) {
        return api.send("PUT", "/api/admin/inventory/" + sku + "/threshold",
                Map.of("Authorization", "Bearer " + staff, "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(body));
    }

    /** The audit log's threshold lines of a SKU, newest first, as an administrator reads them over the API. */
    private List<JsonNode> thresholdAuditOf(String sku) {
        String admin = tokens.validFor(tokens.newCustomer(), Role.ADMIN);
        Response log = api.get("/api/admin/audit?action=inventory.threshold-changed&size=100", admin);
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return log.json().get("content").valueStream()
                .filter(line -> line.get("detail").asString().startsWith("sku=" + sku + " ")).toList();
    }
}
