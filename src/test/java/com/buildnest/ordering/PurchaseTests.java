package com.buildnest.ordering;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * A purchase from start to end over the real HTTP API, paid through the simulated gateway (which
 * signs and sends webhooks like Razorpay): checkout, payment by the browser's callback or by the
 * webhook alone, the invoice, fulfilment, cancellation with refund, and the ways it must refuse.
 */
@BuildNestTest
class PurchaseTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    PurchaseFixtures purchase;
    String staff;

    @BeforeEach
    void shop() {
        purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        staff = purchase.staff();
    }

    @Test
    void aPaidOrderCarriesTheCataloguesPricesTaxByPlaceOfSupplyAndAnInvoiceThenShipsAndIsDelivered()
            throws IOException {
        long cement = purchase.product(500);
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 60);

        Response placed = purchase.checkout(buyer, "checkout-" + buyer.accountId());

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode body = placed.json();
        String orderNumber = body.get("orderNumber").asString();
        assertThat(body.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        // 60 bags at the tier price of ₹390 = ₹23,400; 3,000 kg to Bengaluru: ₹99 + 3,000 × ₹1.50 = ₹4,599;
        // CGST and SGST 9 % each of ₹27,999 = ₹2,519.91 each; total ₹33,038.82
        assertThat(body.get("totals").get("goods").get("amount").asString()).isEqualTo("23400.00");
        assertThat(body.get("totals").get("delivery").get("amount").asString()).isEqualTo("4599.00");
        assertThat(body.get("totals").get("cgst").get("amount").asString()).isEqualTo("2519.91");
        assertThat(body.get("totals").get("igst").get("amount").asString()).isEqualTo("0.00");
        assertThat(body.get("totals").get("total").get("amount").asString()).isEqualTo("33038.82");
        JsonNode payment = body.get("payment");
        assertThat(payment.get("amount").get("amount").asString()).isEqualTo("33038.82");
        assertThat(payment.get("gatewayOrderId").asString()).startsWith("order_");
        assertThat(available(cement)).as("reserved at checkout").isEqualTo(440);
        assertThat(api.get("/api/cart", buyer.token()).json().get("items")).as("the cart was emptied").isEmpty();

        Response verified = purchase.verify(buyer, purchase.pay(buyer, payment.get("gatewayOrderId").asString(), true));

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("PAID");
        String invoiceNumber = verified.json().get("invoice").get("number").asString();
        assertThat(invoiceNumber).matches("BN/\\d\\d-\\d\\d/\\d{6}");
        assertThat(inventory.level(purchase.skuOf(cement)).onHand()).as("sold").isEqualTo(440);
        Response invoice = api.get("/api/orders/" + orderNumber + "/invoice", buyer.token());
        assertThat(invoice.status()).isEqualTo(200);
        assertThat(invoice.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(TaxInvoiceTests.textOf(orders.invoiceOf(buyer.accountId(), orderNumber)))
                .contains(invoiceNumber, orderNumber, "2523", "60 bag", "23400.00", "33038.82", "Karnataka (29)");

        api.postJson("/api/admin/orders/" + orderNumber + "/pack", "", staff);
        api.postJson("/api/admin/orders/" + orderNumber + "/ship",
                "{\"carrier\": \"VRL Logistics\", \"trackingNumber\": \"VRL-88123\"}", staff);
        Response delivered = api.postJson("/api/admin/orders/" + orderNumber + "/deliver", "", staff);

        assertThat(delivered.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(purchase.order(buyer, orderNumber).get("history").valueStream()
                .map(step -> step.get("status").asString()))
                .containsExactly("PENDING_PAYMENT", "PAID", "PACKED", "SHIPPED", "DELIVERED");
        assertThat(purchase.order(buyer, orderNumber).get("shipment").get("trackingNumber").asString())
                .isEqualTo("VRL-88123");
        String email = jdbc.sql("select email from customer_account where id = ?").param(buyer.accountId())
                .query(String.class).single();
        assertThat(api.get("/api/admin/outbox?size=100", staff).json().get("content").valueStream()
                .filter(mail -> mail.get("recipient").asString().equals(email))
                .map(mail -> mail.get("subject").asString()))
                .as("the customer hears of each step").contains("BuildNest order " + orderNumber + ": paid",
                        "BuildNest order " + orderNumber + ": shipped", "BuildNest order " + orderNumber + ": delivered");
    }

    @Test
    void deliveryToAnotherStateIsTaxedAsIgst() {
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("MH", "411045");
        purchase.addToCart(buyer, cement, 10);

        JsonNode totals = purchase.checkout(buyer, null).json().get("totals");

        // ₹4,000 of cement, 500 kg to Pune: ₹499 + 500 × ₹8 = ₹4,499; IGST 18 % of ₹8,499 = ₹1,529.82
        assertThat(totals.get("igst").get("amount").asString()).isEqualTo("1529.82");
        assertThat(totals.get("cgst").get("amount").asString()).isEqualTo("0.00");
        assertThat(totals.get("total").get("amount").asString()).isEqualTo("10028.82");
    }

    @Test
    void theGatewaysWebhookAlonePaysTheOrderAndTheLateBrowserCallbackChangesNothing() {
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 5);
        JsonNode placed = purchase.checkout(buyer, null).json();
        String orderNumber = placed.get("orderNumber").asString();

        JsonNode browser = purchase.pay(buyer, placed.get("payment").get("gatewayOrderId").asString(), true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                purchase.order(buyer, orderNumber).get("status").asString().equals("PAID"));
        Response late = purchase.verify(buyer, browser);

        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(purchase.order(buyer, orderNumber).get("history").valueStream()
                .filter(step -> step.get("status").asString().equals("PAID"))).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheOrderAndAnotherBodyWithItIsRefused() {
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 3);

        Response first = purchase.checkout(buyer, "same-key");
        Response again = purchase.checkout(buyer, "same-key");
        Response otherBody = purchase.checkout(buyer, "{\"shippingAddressId\": %d, \"paymentMethod\": \"card\"}"
                .formatted(buyer.addressId()), "same-key");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("orderNumber")).isEqualTo(first.json().get("orderNumber"));
        assertThat(again.json().get("payment").get("gatewayOrderId"))
                .isEqualTo(first.json().get("payment").get("gatewayOrderId"));
        assertProblem(otherBody, 422, "request.idempotency-key-reused");
        assertThat(available(cement)).as("reserved once").isEqualTo(97);
    }

    @Test
    void aForgedSignatureOrSomeoneElsesOrderChangesNothing() {
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("KA", "560102");
        Buyer stranger = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 2);
        JsonNode placed = purchase.checkout(buyer, null).json();
        String orderNumber = placed.get("orderNumber").asString();
        String gatewayOrderId = placed.get("payment").get("gatewayOrderId").asString();

        Response forged = api.postJson("/api/payments/razorpay/verify", """
                {"razorpay_order_id": "%s", "razorpay_payment_id": "pay_FORGED0000001", "razorpay_signature": "%s"}"""
                .formatted(gatewayOrderId, "0".repeat(64)), buyer.token());

        assertProblem(forged, 400, "payment.signature-invalid");
        assertThat(purchase.order(buyer, orderNumber).get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertProblem(api.get("/api/orders/" + orderNumber, stranger.token()), 404, "order.not-found");
        assertProblem(api.get("/api/orders/" + orderNumber + "/invoice", stranger.token()), 404, "order.not-found");
        assertProblem(api.postJson("/api/orders/" + orderNumber + "/cancel", "{}", stranger.token()), 404,
                "order.not-found");
    }

    @Test
    void stockThatRanOutMeanwhileRefusesTheCheckoutAndKeepsTheCart() {
        long cement = purchase.product(5);
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 5);
        inventory.adjust(purchase.skuOf(cement), -1, "a bag burst", 1);

        Response refused = purchase.checkout(buyer, null);

        assertProblem(refused, 409, "inventory.insufficient-stock");
        assertThat(api.get("/api/cart", buyer.token()).json().get("items")).hasSize(1);
        assertThat(api.get("/api/orders", buyer.token()).json().get("content")).isEmpty();
        assertThat(available(cement)).isEqualTo(4);
    }

    @Test
    void aPinCodeWeDoNotServeIsRefusedBeforeAnythingIsReserved() {
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        long farAway = purchase.address(buyer.token(), "DL", "901005"); // an army post office PIN
        purchase.addToCart(buyer, cement, 1);

        Response refused = purchase.checkout(buyer, "{\"shippingAddressId\": %d, \"paymentMethod\": \"upi\"}"
                .formatted(farAway), null);

        assertProblem(refused, 422, "ordering.pin-not-serviceable");
        assertThat(available(cement)).isEqualTo(10);
    }

    @Test
    void cancellingAPaidOrderPutsTheStockBackAndRefundsTheWholeAmount() {
        long cement = purchase.product(100);
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 4);
        JsonNode placed = purchase.checkout(buyer, null).json();
        String orderNumber = placed.get("orderNumber").asString();
        purchase.verify(buyer, purchase.pay(buyer, placed.get("payment").get("gatewayOrderId").asString(), true));

        Response cancelled = api.postJson("/api/orders/" + orderNumber + "/cancel",
                "{\"reason\": \"ordered the wrong grade\"}", buyer.token());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                purchase.order(buyer, orderNumber).get("status").asString().equals("REFUNDED"));
        JsonNode order = purchase.order(buyer, orderNumber);
        assertThat(order.get("totals").get("refunded")).isEqualTo(order.get("totals").get("total"));
        assertThat(available(cement)).isEqualTo(100);
        assertProblem(api.postJson("/api/orders/" + orderNumber + "/cancel", "{}", buyer.token()), 409,
                "order.illegal-transition");
    }

    @Test
    void anUnpaidOrderWhoseReservationRunsOutIsCancelledAndItsStockReturns() {
        long cement = purchase.product(20);
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 20);
        String orderNumber = purchase.checkout(buyer, null).json().get("orderNumber").asString();
        assertThat(available(cement)).isZero();

        orders.expireOverdue(Instant.now().plus(Duration.ofMinutes(16)), 1000);

        assertThat(purchase.order(buyer, orderNumber).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(available(cement)).isEqualTo(20);
    }

    @Test
    void staffCannotShipAnUnpaidOrder() {
        long cement = purchase.product(20);
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 1);
        String orderNumber = purchase.checkout(buyer, null).json().get("orderNumber").asString();

        assertProblem(api.postJson("/api/admin/orders/" + orderNumber + "/ship",
                "{\"carrier\": \"VRL\", \"trackingNumber\": \"1\"}", staff), 409, "order.illegal-transition");
        assertThat(purchase.order(buyer, orderNumber).get("status").asString()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void theApiDocumentSaysTheInvoiceIsAPdf() {
        JsonNode invoice = api.get("/v3/api-docs").json().get("paths").get("/api/orders/{orderNumber}/invoice").get("get");

        assertThat(invoice.get("responses").get("200").get("content").has("application/pdf")).isTrue();
        assertThat(invoice.get("responses").has("409")).isTrue();
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        Buyer buyer = purchase.buyer("KA", "560102");

        assertProblem(purchase.checkout(buyer, null), 409, "checkout.cart-empty");
    }

    private long available(long productId) {
        return inventory.level(purchase.skuOf(productId)).available();
    }
}
