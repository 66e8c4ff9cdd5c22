package com.buildnest.backoffice;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderSummary;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.payment.PaymentGatewayOutage;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.PageClient;
import com.buildnest.testing.StatementCounter;

/**
 * The back office's orders pages over HTTP: who may open them, forms refused with a message beside
 * the field, moves the order refuses shown with the order's own message, refunds in rupees and paise,
 * and the list's cost in SQL statements. (The browser journey is StaffShipsTheOrderJourneyTests.)
 */
@BuildNestTest
class OrderPagesTests {

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

    @Autowired
    OrdersPages pages;

    @Autowired
    ApplicationContext context;

    PurchaseFixtures shop;
    Buyer buyer;
    long product;
    PageClient staff;

    @BeforeEach
    void aShopWithStaffSignedIn() {
        shop = new PurchaseFixtures(api, tokens, inventory, jdbc);
        buyer = shop.buyer("KA", "560001");
        product = shop.product(100);
        staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
    }

    @Test
    void aGuestIsSentToSignInAndComesBackToTheOrders() {
        HttpResponse<String> answer = PageClient.guest(port).get("/admin/orders?status=PAID");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/signin?next=/admin/orders"));
    }

    @Test
    void aCustomerMayNotOpenTheOrdersNorMoveOne() {
        String orderNumber = shop.paidOrder(buyer, product, 2);
        PageClient customer = PageClient.signedIn(port, tokens.newAccount());
        HttpResponse<String> list = customer.get("/admin/orders");
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).contains("Not allowed").doesNotContain(orderNumber);

        customer.get("/account"); // a page of theirs, for a valid CSRF token
        assertThat(customer.post("/admin/orders/" + orderNumber + "/pack", Map.of()).statusCode()).isEqualTo(403);
        assertThat(status(orderNumber)).isEqualTo("PAID");
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String orderNumber = shop.paidOrder(buyer, product, 2);
        staff.get("/admin/orders/" + orderNumber);
        HttpResponse<String> answer = staff.postWithoutToken("/admin/orders/" + orderNumber + "/pack", Map.of());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("Not allowed").doesNotContain("Exception");
        assertThat(status(orderNumber)).isEqualTo("PAID");
    }

    @Test
    void shippingWithoutATrackingNumberSaysSoBesideTheFieldAndKeepsWhatWasTyped() {
        String orderNumber = shop.paidOrder(buyer, product, 2);
        shop.fulfil(orderNumber, "pack");
        staff.get("/admin/orders/" + orderNumber);
        HttpResponse<String> refused = staff.post("/admin/orders/" + orderNumber + "/ship",
                Map.of("carrier", "VRL Logistics", "trackingNumber", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"trackingNumber-error\">Enter the tracking number.</p>")
                .contains("value=\"VRL Logistics\"").doesNotContain("carrier-error");
        assertThat(status(orderNumber)).isEqualTo("PACKED");

        HttpResponse<String> shipped = staff.post("/admin/orders/" + orderNumber + "/ship",
                Map.of("carrier", "VRL Logistics", "trackingNumber", "VRL 7781/22"));
        assertThat(shipped.statusCode()).isEqualTo(302);
        assertThat(shipped.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/admin/orders/" + orderNumber));
        HttpResponse<String> page = staff.get("/admin/orders/" + orderNumber);
        assertThat(page.body()).contains("Shipped with VRL Logistics, tracking number VRL 7781/22.")
                .contains("id=\"deliver\"").doesNotContain("id=\"ship\"").doesNotContain("id=\"pack\"");
        JsonOrder order = new JsonOrder(shop.order(buyer, orderNumber));
        assertThat(order.status()).isEqualTo("SHIPPED");
        assertThat(order.tracking()).isEqualTo("VRL Logistics VRL 7781/22");
    }

    @Test
    void aMoveTheOrderRefusesShowsItsMessageAndChangesNothing() {
        String orderNumber = shop.paidOrder(buyer, product, 2);
        HttpResponse<String> page = staff.get("/admin/orders/" + orderNumber);
        assertThat(page.body()).contains("id=\"pack\"").contains("id=\"cancel\"").doesNotContain("id=\"deliver\"");

        HttpResponse<String> refused = staff.post("/admin/orders/" + orderNumber + "/deliver", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Order " + orderNumber + " is PAID and cannot become DELIVERED.")
                .doesNotContain("Exception");
        assertThat(status(orderNumber)).isEqualTo("PAID");
    }

    @Test
    void staffRefundPartOfADeliveredOrderInRupeesAndPaiseButNeverMoreThanIsLeft() {
        String orderNumber = shop.deliveredOrder(buyer, product, 2);
        staff.get("/admin/orders/" + orderNumber);
        String key = java.util.UUID.randomUUID().toString();
        HttpResponse<String> tooMuch = staff.post("/admin/orders/" + orderNumber + "/refund",
                Map.of("amount", "99999.99", "refundReason", "Damaged bags", "key", key));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("id=\"amount-error\">At most ₹").contains("value=\"99999.99\"")
                .contains("value=\"Damaged bags\"");
        assertThat(status(orderNumber)).isEqualTo("DELIVERED");

        HttpResponse<String> refunded = staff.post("/admin/orders/" + orderNumber + "/refund",
                Map.of("amount", "100.50", "refundReason", "Damaged bags", "key", key));
        assertThat(refunded.statusCode()).isEqualTo(302);
        staff.post("/admin/orders/" + orderNumber + "/refund",  // a double submit of the same form refunds once
                Map.of("amount", "100.50", "refundReason", "Damaged bags", "key", key));
        Awaitility.await().atMost(Duration.ofSeconds(20))   // the gateway's answer reaches the order
                .until(() -> status(orderNumber).equals("PARTIALLY_REFUNDED"));
        assertThat(shop.order(buyer, orderNumber).get("totals").get("refunded").get("amount").asString())
                .isEqualTo("100.50");
    }

    @Test
    void theOrderPageLinksToTheAccountThatPlacedItAndItsOtherOrders() {
        String orderNumber = shop.paidOrder(buyer, product, 2);
        record Account(String username, String email) {
        }
        Account placedBy = jdbc.sql("select username, email from customer_account where id = ?")
                .param(buyer.accountId()).query((row, n) -> new Account(row.getString(1), row.getString(2))).single();

        HttpResponse<String> page = staff.get("/admin/orders/" + orderNumber);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<a href=\"/admin/customers/" + buyer.accountId() + "\">" + placedBy.username()
                + "</a>").contains("<span>" + placedBy.email() + "</span>")
                .contains("<a href=\"/admin/orders?customer=" + buyer.accountId() + "\">all their orders</a>");
        HttpResponse<String> customer = staff.get("/admin/customers/" + buyer.accountId());
        assertThat(customer.statusCode()).isEqualTo(200);
        assertThat(customer.body()).contains("<h1>" + placedBy.username() + "</h1>");
    }

    @Test
    void aRefundTheGatewayCannotTakeIsTheUnavailablePageWhileTheApiStillAnswersBadGateway() {
        String orderNumber = shop.deliveredOrder(buyer, product, 2);
        staff.get("/admin/orders/" + orderNumber);
        String apiStaff = tokens.validFor(tokens.newCustomer(), Role.STAFF);
        HttpResponse<String> page;
        ApiClient.Response answer;
        try (PaymentGatewayOutage outage = new PaymentGatewayOutage(context)) {
            page = staff.post("/admin/orders/" + orderNumber + "/refund", Map.of("amount", "10.25",
                    "refundReason", "Damaged bags", "key", UUID.randomUUID().toString()));
            answer = api.send("POST", "/api/admin/orders/" + orderNumber + "/refund",
                    Map.of("Authorization", "Bearer " + apiStaff, "Content-Type", "application/json",
                            "Idempotency-Key", UUID.randomUUID().toString()),
                    HttpRequest.BodyPublishers.ofString(
                            "{\"amount\": \"10.25\", \"reason\": \"Damaged bags\"}"));
        }

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(page.body()).contains("Temporarily unavailable")
                .contains("The payment gateway is not answering right now. Please try again in a minute.")
                .doesNotContain("Exception");
        assertProblem(answer, 502, "payment.gateway-unavailable");
        assertThat(answer.json().get("detail").asString())
                .isEqualTo("The payment gateway is not answering right now. Nothing was charged; please retry shortly.");
        assertThat(status(orderNumber)).isEqualTo("DELIVERED");
        assertThat(shop.order(buyer, orderNumber).get("totals").get("refunded").get("amount").asString())
                .isEqualTo("0.00");
    }

    @Test
    void aReturnIsRejectedOnlyWithAReasonAndReceivingItRefundsTheOrder() {
        String orderNumber = shop.deliveredOrder(buyer, product, 2);
        ApiClient.Response asked = api.postJson("/api/orders/" + orderNumber + "/return",
                "{\"reason\": \"Wrong grade: we needed OPC 43\"}", buyer.token());
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        HttpResponse<String> page = staff.get("/admin/orders/" + orderNumber);
        assertThat(page.body()).contains("id=\"receive-return\"").contains("id=\"reject-return\"")
                .doesNotContain("id=\"refund\"");

        HttpResponse<String> refused = staff.post("/admin/orders/" + orderNumber + "/return/reject",
                Map.of("rejectReason", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"rejectReason-error\">Say why the return is rejected.</p>");
        assertThat(status(orderNumber)).isEqualTo("RETURN_REQUESTED");

        assertThat(staff.post("/admin/orders/" + orderNumber + "/return/receive", Map.of()).statusCode())
                .isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> status(orderNumber).equals("REFUNDED"));
    }

    @Test
    void theListFiltersByStatusAndCustomerAndFindsAnOrderByItsNumber() {
        String paid = shop.paidOrder(buyer, product, 2);
        String packed = shop.paidOrder(buyer, product, 3);
        shop.fulfil(packed, "pack");

        HttpResponse<String> list = staff.get("/admin/orders?status=PAID&customer=" + buyer.accountId());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(">" + paid + "</a>").doesNotContain(packed);

        HttpResponse<String> found = staff.get("/admin/orders?number=" + packed);
        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/admin/orders/" + packed));

        HttpResponse<String> missing = staff.get("/admin/orders?number=BN-NO-SUCH");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("id=\"number-error\">No order BN-NO-SUCH.</p>").contains("value=\"BN-NO-SUCH\"");

        HttpResponse<String> badStatus = staff.get("/admin/orders?status=LOST");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("Choose a status from the list.").doesNotContain("Exception");
    }

    /** Whatever the page shows, the list costs the page, its count (when there is more than a page) and one batch of lines. */
    @Test
    void theListPageNeedsAtMostThreeStatementsWhateverItShows() {
        for (int i = 0; i < 3; i++) {
            shop.paidOrder(buyer, product, 1 + i);
        }
        OrdersPages.Filters filters = new OrdersPages.Filters(null, buyer.accountId(), null, null);
        ExtendedModelMap model = new ExtendedModelMap();
        List<String> statements = StatementCounter.statementsOf(() -> pages.list(filters,
                new BeanPropertyBindingResult(filters, "filters"), new MockHttpServletResponse(), model));
        @SuppressWarnings("unchecked")
        Page<OrderSummary> shown = (Page<OrderSummary>) model.get("orders");
        assertThat(shown.getContent()).hasSize(3).allSatisfy(order -> assertThat(order.status())
                .isEqualTo(OrderStatus.PAID));
        assertThat(statements).hasSize(2); // the page and its lines: one page holds all, so no count

        OrdersPages.Filters everyone = new OrdersPages.Filters(null, null, null, null);
        ExtendedModelMap all = new ExtendedModelMap();
        assertThat(StatementCounter.statementsOf(() -> pages.list(everyone,
                new BeanPropertyBindingResult(everyone, "filters"), new MockHttpServletResponse(), all)))
                .hasSizeLessThanOrEqualTo(3);
        assertThat(((Page<?>) all.get("orders")).getContent()).hasSizeGreaterThanOrEqualTo(3);
    }

    private String status(String orderNumber) {
        return shop.order(buyer, orderNumber).get("status").asString();
    }

    private record JsonOrder(tools.jackson.databind.JsonNode json) {

        String status() {
            return json.get("status").asString();
        }

        String tracking() {
            return json.get("shipment").get("carrier").asString() + " "
                    + json.get("shipment").get("trackingNumber").asString();
        }
    }
}
