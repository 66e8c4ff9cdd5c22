package com.buildnest.partner;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.inventory.StockRanLow;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderStatusChanged;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.StatementCounter;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner webhooks end to end: subscriptions made over the admin API, events from orders and stock,
 * and deliveries posted over real HTTP to a local partner (WireMock) by the sender job, which the
 * tests run themselves with their own clock and short timeouts. Each test starts with no
 * subscription and no delivery.
 */
@BuildNestTest
class PartnerWebhooksTests {

    // HTTP/2 over plain text off: the JDK client's h2c attempt is answered with RST_STREAM otherwise (TOOLCHAIN.md).
    static final WireMockServer partner = new WireMockServer(options().dynamicPort().http2PlainDisabled(true));

    /** Short timeouts (that a loaded test machine still meets), three attempts, no jitter (exact retry times), disabled after two failed deliveries. */
    static final PartnerProperties SETTINGS = new PartnerProperties(true, Duration.ofSeconds(1),
            Duration.ofSeconds(2), new PartnerProperties.Delivery(Duration.ofHours(1), 50, 3, Duration.ofMinutes(1),
                    4, Duration.ofHours(12), 0, Duration.ofDays(30)),
            2, Duration.ofHours(24), Duration.ofSeconds(5));
    static final WebhookTransport transport = new WebhookTransport(SETTINGS);

    static {
        partner.start();
        // The very first request through a cold partner and client can outlast the short read timeout
        // on a busy machine; warm both up so that no test's first delivery pays for it.
        partner.stubFor(post(urlEqualTo("/warm-up")).willReturn(ok()));
        for (int i = 0; i < 3; i++) {
            transport.post(partner.baseUrl() + "/warm-up", Map.of(), "{}");
        }
    }
    static final long NO_ACCOUNT = 0L; // an order of nobody: no mail goes out for it
    static final Money TOTAL = Money.ofRupees("1250.50");

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Inventory inventory;

    @Autowired
    Clock clock;

    final JsonMapper json = JsonMapper.builder().build();
    String admin;

    @BeforeEach
    void noSubscriptionsAndAQuietPartner() {
        jdbc.sql("delete from partner_delivery_attempt").update();
        jdbc.sql("delete from partner_delivery").update();
        jdbc.sql("delete from partner_subscription").update();
        partner.resetAll();
        admin = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        transport.close();
        partner.stop();
    }

    @Test
    void aPaidOrderIsPostedOnceSignedWithTheSubscriptionsSecret() {
        partner.stubFor(post(urlEqualTo("/hooks/orders")).willReturn(ok("thanks")));
        JsonNode created = subscribe("ERP", "/hooks/orders", "order.paid", "order.shipped");
        String orderNumber = newOrderNumber();
        double deliveredBefore = attemptsCounted("delivered");

        orderMoved(orderNumber, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, "payment pay_Test0001");
        sender(Duration.ZERO).sendDue();
        sender(Duration.ZERO).sendDue();

        LoggedRequest request = receivedAt("/hooks/orders").get(0);
        assertThat(receivedAt("/hooks/orders")).hasSize(1);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("X-BuildNest-Event")).isEqualTo("order.paid");
        assertThat(request.getHeader("User-Agent")).isEqualTo(WebhookTransport.USER_AGENT);
        assertSignedWith(request, created.get("secret").asString());
        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.get("id").asString()).matches("evt_[0-9a-f]{32}");
        assertThat(body.get("type").asString()).isEqualTo("order.paid");
        assertThat(body.get("createdAt").asString()).isEqualTo("2026-11-25T10:00:00Z");
        JsonNode data = body.get("data");
        assertThat(data.get("orderNumber").asString()).isEqualTo(orderNumber);
        assertThat(data.get("status").asString()).isEqualTo("PAID");
        assertThat(data.get("previousStatus").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(data.get("total").get("amount").asString()).isEqualTo("1250.50");
        assertThat(data.get("total").get("currency").asString()).isEqualTo("INR");
        assertThat(data.get("note").asString()).isEqualTo("payment pay_Test0001");

        JsonNode delivery = deliveriesOf(created).get(0);
        assertThat(request.getHeader("X-BuildNest-Delivery")).isEqualTo(delivery.get("id").asString());
        assertThat(delivery.get("eventId").asString()).isEqualTo(body.get("id").asString());
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        JsonNode detail = api.get(path(created) + "/deliveries/" + delivery.get("id").asLong(), admin).json();
        assertThat(detail.get("payload")).isEqualTo(body);
        assertThat(detail.get("attemptLog")).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("number").asInt()).isEqualTo(1);
            assertThat(attempt.get("succeeded").asBoolean()).isTrue();
            assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
            assertThat(attempt.get("responseSnippet").asString()).isEqualTo("thanks");
            assertThat(attempt.get("error").isNull()).isTrue();
        });
        assertThat(attemptsCounted("delivered") - deliveredBefore).isEqualTo(1.0);
    }

    @Test
    void aRealPurchaseReachesThePartnerAsPaidShippedAndDelivered() {
        partner.stubFor(post(urlEqualTo("/hooks/shop")).willReturn(ok()));
        JsonNode created = subscribe("Logistics", "/hooks/shop", "order.paid", "order.shipped", "order.delivered");
        PurchaseFixtures purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        long cement = purchase.product(20);
        Buyer buyer = purchase.buyer("KA", "560102");
        purchase.addToCart(buyer, cement, 2);
        JsonNode placed = purchase.checkout(buyer, "webhook-" + buyer.accountId()).json();
        String orderNumber = placed.get("orderNumber").asString();

        Response verified = purchase.verify(buyer, purchase.pay(buyer,
                placed.get("payment").get("gatewayOrderId").asString(), true));
        api.postJson("/api/admin/orders/" + orderNumber + "/pack", "", purchase.staff());
        api.postJson("/api/admin/orders/" + orderNumber + "/ship",
                "{\"carrier\": \"VRL Logistics\", \"trackingNumber\": \"VRL-42\"}", purchase.staff());
        api.postJson("/api/admin/orders/" + orderNumber + "/deliver", "", purchase.staff());
        sender(Duration.ZERO).sendDue();

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        List<LoggedRequest> received = receivedAt("/hooks/shop");
        assertThat(received).extracting(request -> request.getHeader("X-BuildNest-Event"))
                .containsExactly("order.paid", "order.shipped", "order.delivered");
        for (LoggedRequest request : received) {
            assertSignedWith(request, created.get("secret").asString());
            JsonNode data = json.readTree(request.getBodyAsString()).get("data");
            assertThat(data.get("orderNumber").asString()).isEqualTo(orderNumber);
            assertThat(data.get("total").get("amount").asString())
                    .isEqualTo(placed.get("totals").get("total").get("amount").asString());
        }
        assertThat(received).extracting(request -> json.readTree(request.getBodyAsString()).get("id").asString())
                .as("one event id per event").doesNotHaveDuplicates();
    }

    @Test
    void aServerErrorIsRetriedAfterTheBackoffAndThenDelivered() {
        partner.stubFor(post(urlEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"database\n down\"}"))
                .willSetStateTo("recovered"));
        partner.stubFor(post(urlEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));
        JsonNode created = subscribe("Flaky", "/hooks/flaky", "order.shipped");

        orderMoved(newOrderNumber(), OrderStatus.PACKED, OrderStatus.SHIPPED, null);
        Instant first = clock.instant();
        sender(Duration.ZERO).sendDue();

        JsonNode retrying = deliveriesOf(created).get(0);
        assertThat(retrying.get("status").asString()).isEqualTo("PENDING");
        assertThat(retrying.get("attempts").asInt()).isEqualTo(1);
        assertThat(retrying.get("lastStatusCode").asInt()).isEqualTo(500);
        Instant retryAt = Instant.parse(retrying.get("nextAttemptAt").asString());
        assertThat(retryAt).isBetween(first.plus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofMinutes(1)));

        sender(Duration.ofSeconds(50)).sendDue(); // not due yet
        assertThat(receivedAt("/hooks/flaky")).hasSize(1);

        sender(Duration.ofSeconds(61)).sendDue();

        List<LoggedRequest> received = receivedAt("/hooks/flaky");
        assertThat(received).hasSize(2);
        assertThat(received.get(1).getBodyAsString()).isEqualTo(received.get(0).getBodyAsString());
        assertThat(received.get(1).getHeader("X-BuildNest-Delivery")).isEqualTo(received.get(0)
                .getHeader("X-BuildNest-Delivery"));
        JsonNode delivered = deliveriesOf(created).get(0);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(204);
        JsonNode log = api.get(path(created) + "/deliveries/" + delivered.get("id").asLong(), admin).json()
                .get("attemptLog");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("succeeded").asBoolean()).isFalse();
        assertThat(log.get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(log.get(0).get("responseSnippet").asString()).isEqualTo("{\"error\": \"database  down\"}");
        assertThat(log.get(1).get("succeeded").asBoolean()).isTrue();
        assertThat(log.get(1).get("statusCode").asInt()).isEqualTo(204);
    }

    @Test
    void aPartnerTooSlowToAnswerIsAFailedAttemptCutOffAtTheReadTimeout() {
        partner.stubFor(post(urlEqualTo("/hooks/slow")).willReturn(ok().withFixedDelay(6000)));
        JsonNode created = subscribe("Slow", "/hooks/slow", "order.delivered");

        orderMoved(newOrderNumber(), OrderStatus.SHIPPED, OrderStatus.DELIVERED, null);
        sender(Duration.ZERO).sendDue();

        JsonNode delivery = deliveriesOf(created).get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.get("lastError").asString()).isEqualTo("timeout");
        assertThat(delivery.get("lastStatusCode").isNull()).isTrue();
        JsonNode attempt = api.get(path(created) + "/deliveries/" + delivery.get("id").asLong(), admin).json()
                .get("attemptLog").get(0);
        assertThat(attempt.get("error").asString()).isEqualTo("timeout");
        assertThat(attempt.get("durationMillis").asLong()).isBetween(1900L, 5000L);
    }

    @Test
    void aPartnerDrippingItsAnswerIsCutOffWhenTheAttemptHasTakenLongEnough() throws Exception {
        // Each byte well within the read timeout, but the whole answer would take 20 s; an attempt
        // may take 1 + 2 × 2 s. (WireMock buffers a dribbled body, so a bare socket plays this partner.)
        try (ServerSocket dripping = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread partnerThread = new Thread(() -> dripAnAnswer(dripping, 100, Duration.ofMillis(200)));
            partnerThread.setDaemon(true);
            partnerThread.start();
            JsonNode created = subscribe("Drip", "http://127.0.0.1:" + dripping.getLocalPort() + "/hooks/drip",
                    "order.delivered");

            orderMoved(newOrderNumber(), OrderStatus.SHIPPED, OrderStatus.DELIVERED, null);
            sender(Duration.ZERO).sendDue();

            JsonNode delivery = deliveriesOf(created).get(0);
            assertThat(delivery.get("lastError").asString()).isEqualTo("timeout");
            JsonNode attempt = api.get(path(created) + "/deliveries/" + delivery.get("id").asLong(), admin).json()
                    .get("attemptLog").get(0);
            assertThat(attempt.get("durationMillis").asLong()).isBetween(4900L, 8000L);
        }
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        partner.stubFor(post(urlEqualTo("/hooks/moved")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", partner.baseUrl() + "/hooks/elsewhere")));
        partner.stubFor(post(urlEqualTo("/hooks/elsewhere")).willReturn(ok()));
        JsonNode created = subscribe("Moved", "/hooks/moved", "order.paid");

        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);
        sender(Duration.ZERO).sendDue();

        assertThat(receivedAt("/hooks/elsewhere")).isEmpty();
        JsonNode delivery = deliveriesOf(created).get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(307);
    }

    @Test
    void afterMaxAttemptsADeliveryFailsAndRepeatedFailuresDisableTheSubscription() {
        partner.stubFor(post(urlEqualTo("/hooks/down")).willReturn(aResponse().withStatus(503)));
        JsonNode created = subscribe("Down", "/hooks/down", "order.paid", "order.cancelled");
        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);
        orderMoved(newOrderNumber(), OrderStatus.PAID, OrderStatus.CANCELLED, "customer changed their mind");

        sender(Duration.ZERO).sendDue();                 // attempt 1 of both; retries after 1 min
        sender(Duration.ofMinutes(2)).sendDue();         // attempt 2; retries after 4 min more
        sender(Duration.ofMinutes(7)).sendDue();         // attempt 3 of 3: both FAILED, two in a row

        assertThat(receivedAt("/hooks/down")).hasSize(6);
        assertThat(deliveriesOf(created)).allSatisfy(delivery -> {
            assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(503);
        });
        JsonNode disabled = api.get(path(created), admin).json();
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("consecutiveFailures").asInt()).isEqualTo(2);
        assertThat(disabled.get("disabledReason").asString()).isEqualTo("2 deliveries in a row failed");
        assertThat(auditLines("partner.webhook-disabled", created)).singleElement().satisfies(line -> {
            assertThat(line.get("detail").asString()).isEqualTo("subscription=" + created.get("id").asLong()
                    + " 2 deliveries in a row failed");
            assertThat(line.get("actorId").isNull()).isTrue();
        });

        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);
        sender(Duration.ofHours(1)).sendDue();

        assertThat(deliveriesOf(created)).as("a disabled subscription gets no new deliveries").hasSize(2);
        assertThat(receivedAt("/hooks/down")).hasSize(6);

        JsonNode enabled = api.postJson(path(created) + "/enable", "", admin).json();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("consecutiveFailures").asInt()).isZero();
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
        assertThat(auditLines("partner.webhook-enabled", created)).hasSize(1);
    }

    @Test
    void aDeliveryThatArrivesBetweenFailuresStartsTheCountAgain() {
        partner.stubFor(post(urlEqualTo("/hooks/wobbly")).inScenario("wobbly").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        partner.stubFor(post(urlEqualTo("/hooks/wobbly")).inScenario("wobbly").whenScenarioStateIs("up")
                .willReturn(ok()).willSetStateTo("down again"));
        partner.stubFor(post(urlEqualTo("/hooks/wobbly")).inScenario("wobbly").whenScenarioStateIs("down again")
                .willReturn(aResponse().withStatus(500)));
        PartnerProperties oneAttempt = new PartnerProperties(true, Duration.ofSeconds(1), Duration.ofSeconds(2),
                new PartnerProperties.Delivery(Duration.ofHours(1), 1, 1, Duration.ofMinutes(1), 4,
                        Duration.ofHours(12), 0, Duration.ofDays(30)), 2, Duration.ofHours(24), Duration.ofSeconds(5));
        JsonNode created = subscribe("Wobbly", "/hooks/wobbly", "stock.low");
        for (int i = 0; i < 3; i++) {
            stockRanLow("WOB-" + i);
        }

        for (int i = 0; i < 3; i++) {
            new WebhookSender(deliveries, transport, oneAttempt, meters, clock).sendDue(); // one delivery a run
        }

        assertThat(deliveriesOf(created)).extracting(delivery -> delivery.get("status").asString())
                .containsExactly("FAILED", "DELIVERED", "FAILED"); // newest first
        JsonNode subscription = api.get(path(created), admin).json();
        assertThat(subscription.get("enabled").asBoolean()).isTrue();
        assertThat(subscription.get("consecutiveFailures").asInt()).isEqualTo(1);
    }

    @Test
    void onlyEnabledSubscriptionsThatWantAnEventGetADelivery() {
        JsonNode shipped = subscribe("Shipped only", "/hooks/shipped", "order.shipped");
        JsonNode paidButDisabled = subscribe("Paused", "/hooks/paused", "order.paid");
        api.postJson(path(paidButDisabled) + "/disable", "", admin);
        JsonNode refunds = subscribe("Refunds", "/hooks/refunds", "order.refunded", "order.partially_refunded",
                "order.cancelled");

        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);
        orderMoved(newOrderNumber(), null, OrderStatus.PENDING_PAYMENT, null);
        orderMoved(newOrderNumber(), OrderStatus.PAID, OrderStatus.PACKED, null);
        orderMoved(newOrderNumber(), OrderStatus.CANCELLED, OrderStatus.CANCELLED, "refunded ₹100.00");
        orderMoved(newOrderNumber(), OrderStatus.PARTIALLY_REFUNDED, OrderStatus.PARTIALLY_REFUNDED, "refund rfnd_2");
        orderMoved(newOrderNumber(), OrderStatus.CANCELLED, OrderStatus.REFUNDED, "refund rfnd_3");

        assertThat(deliveriesOf(shipped)).isEmpty();
        assertThat(deliveriesOf(paidButDisabled)).isEmpty();
        assertThat(deliveriesOf(refunds)).extracting(delivery -> delivery.get("eventType").asString())
                .as("a further partial refund is news; a cancelled order staying cancelled is not")
                .containsExactly("order.refunded", "order.partially_refunded");
    }

    @Test
    void anEventNobodyWantsCostsNoStatementAndASubscriptionGoneElsewhereIsNeverQueuedFor() {
        JsonNode gone = subscribe("Gone", "/hooks/gone", "order.paid");
        deleted(gone); // a change made here: what subscriptions want is forgotten once it commits
        assertThat(partnerStatementsOf(() -> orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT,
                OrderStatus.PAID, null))).as("read once what subscriptions want: nothing")
                .singleElement().satisfies(sql -> assertThat(sql).contains("partner_subscription"));

        assertThat(partnerStatementsOf(() -> orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT,
                OrderStatus.PAID, null))).as("remembered: nobody wants it").isEmpty();

        JsonNode erp = subscribe("ERP", "/hooks/erp", "order.paid");
        List<String> queued = partnerStatementsOf(() -> orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT,
                OrderStatus.PAID, null));
        assertThat(queued).as("read afresh after the change, then one delivery per wanting subscription in one insert")
                .hasSize(2);
        assertThat(deliveriesOf(erp)).hasSize(1);

        // Another replica disables it, then deletes it: this replica still believes order.paid is wanted
        jdbc.sql("update partner_subscription set enabled = false where id = ?").param(erp.get("id").asLong())
                .update();
        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);
        assertThat(deliveriesOf(erp)).as("disabled elsewhere: nothing more queued").hasSize(1);
        jdbc.sql("delete from partner_delivery where subscription_id = ?").param(erp.get("id").asLong()).update();
        jdbc.sql("delete from partner_subscription where id = ?").param(erp.get("id").asLong()).update();
        List<String> behind = partnerStatementsOf(() -> orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT,
                OrderStatus.PAID, null));
        assertThat(behind).as("one insert that finds no subscription, and the order's transaction commits")
                .singleElement().satisfies(sql -> assertThat(sql).startsWith("insert into partner_delivery"));
        assertThat(jdbc.sql("select count(*) from partner_delivery").query(Long.class).single()).isZero();
    }

    @Test
    void stockRunningLowIsDeliveredWithTheSkuAndItsLevel() {
        partner.stubFor(post(urlEqualTo("/hooks/stock")).willReturn(ok()));
        JsonNode created = subscribe("Supplier", "/hooks/stock", "stock.low");

        stockRanLow("CEM-ACC-PPC-50");
        sender(Duration.ZERO).sendDue();

        LoggedRequest request = receivedAt("/hooks/stock").get(0);
        assertSignedWith(request, created.get("secret").asString());
        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.get("type").asString()).isEqualTo("stock.low");
        assertThat(body.get("data").get("sku").asString()).isEqualTo("CEM-ACC-PPC-50");
        assertThat(body.get("data").get("available").asLong()).isEqualTo(7);
        assertThat(body.get("data").get("threshold").asLong()).isEqualTo(10);
    }

    @Test
    void pendingDeliveriesWaitWhileASubscriptionIsDisabledAndGoOutWhenItIsEnabled() {
        partner.stubFor(post(urlEqualTo("/hooks/paused")).willReturn(ok()));
        JsonNode created = subscribe("Paused", "/hooks/paused", "order.paid");
        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);

        api.postJson(path(created) + "/disable", "", admin);
        sender(Duration.ZERO).sendDue();

        assertThat(receivedAt("/hooks/paused")).isEmpty();
        assertThat(deliveriesOf(created).get(0).get("status").asString()).isEqualTo("PENDING");
        assertThat(deliveriesOf(created).get(0).get("attempts").asInt()).isZero();

        api.postJson(path(created) + "/enable", "", admin);
        sender(Duration.ZERO).sendDue();

        assertThat(receivedAt("/hooks/paused")).as(deliveriesOf(created).toString()).hasSize(1);
        assertThat(deliveriesOf(created).get(0).get("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void whereOnlyPublicTargetsAreAllowedADeliveryToALoopbackHostIsRefusedBeforeAnyConnection() throws Exception {
        partner.stubFor(post(urlEqualTo("/hooks/internal")).willReturn(ok()));
        // Saved while private targets were allowed (or its DNS pointed elsewhere then): https and well-formed.
        JsonNode created = subscribe("Internal", "https://localhost:" + partner.port() + "/hooks/internal",
                "order.paid");
        PartnerProperties production = new PartnerProperties(false, SETTINGS.connectTimeout(),
                SETTINGS.readTimeout(), SETTINGS.delivery(), 2, Duration.ofHours(24), Duration.ofSeconds(5));
        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);

        try (WebhookTransport publicOnly = new WebhookTransport(production)) {
            new WebhookSender(deliveries, publicOnly, production, meters, clock).sendDue();
        }

        assertThat(partner.getAllServeEvents()).isEmpty();
        JsonNode delivery = deliveriesOf(created).get(0);
        assertThat(delivery.get("lastError").asString()).isEqualTo("target-refused");
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void theSecretIsShownOnlyWhenMadeAndRotationSignsWithBothSecretsForAWhile() {
        partner.stubFor(post(urlEqualTo("/hooks/rotate")).willReturn(ok()));
        JsonNode created = subscribe("Rotating", "/hooks/rotate", "order.paid");
        String first = created.get("secret").asString();

        assertThat(first).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(api.get(path(created), admin).body()).doesNotContain("secret\"", first);
        assertThat(api.get("/api/admin/webhooks", admin).body()).doesNotContain("secret\"", first);

        Response rotated = api.postJson(path(created) + "/rotate-secret", "", admin);
        String second = rotated.json().get("secret").asString();
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(second).matches("whsec_[A-Za-z0-9_-]{43}").isNotEqualTo(first);
        assertThat(Instant.parse(rotated.json().get("previousSecretValidUntil").asString()))
                .isBetween(clock.instant().plus(Duration.ofHours(23)), clock.instant().plus(Duration.ofHours(24)));

        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);
        sender(Duration.ZERO).sendDue();
        String header = receivedAt("/hooks/rotate").get(0).getHeader("X-BuildNest-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertSignedWith(receivedAt("/hooks/rotate").get(0), second);
        assertSignedWith(receivedAt("/hooks/rotate").get(0), first);

        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);
        sender(Duration.ofHours(25)).sendDue();
        assertThat(receivedAt("/hooks/rotate").get(1).getHeader("X-BuildNest-Signature"))
                .as("after the overlap only the new secret signs").matches("t=\\d+,v1=[0-9a-f]{64}");
        assertSignedWith(receivedAt("/hooks/rotate").get(1), second);

        assertThat(auditLines("partner.webhook-secret-rotated", created)).hasSize(1);
        assertThat(api.get("/api/admin/audit?size=100", admin).body()).doesNotContain(first, second);
    }

    @Test
    void administratorsCreateChangeAndDeleteSubscriptionsAndEachChangeIsAudited() {
        JsonNode created = subscribe("ERP", "/hooks/erp", "order.paid");
        assertThat(created.get("name").asString()).isEqualTo("ERP");
        assertThat(created.get("url").asString()).isEqualTo(partner.baseUrl() + "/hooks/erp");
        assertThat(created.get("events")).extracting(JsonNode::asString).containsExactly("order.paid");
        assertThat(created.get("enabled").asBoolean()).isTrue();

        Response changed = put(path(created), """
                {"name": "ERP (new)", "url": "%s/hooks/erp-v2", "events": ["order.shipped", "order.paid"]}"""
                .formatted(partner.baseUrl()));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("events")).extracting(JsonNode::asString)
                .containsExactly("order.paid", "order.shipped");
        assertThat(api.get(path(created), admin).json().get("url").asString())
                .isEqualTo(partner.baseUrl() + "/hooks/erp-v2");
        assertThat(auditLines("partner.webhook-updated", created)).singleElement().satisfies(line -> assertThat(
                line.get("detail").asString()).isEqualTo("subscription=" + created.get("id").asLong()
                        + " name: ERP → ERP (new); url: " + partner.baseUrl() + "/hooks/erp → " + partner.baseUrl()
                        + "/hooks/erp-v2; events: order.paid → order.paid,order.shipped"));

        orderMoved(newOrderNumber(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null);
        Response deleted = api.send("DELETE", path(created), Map.of("Authorization", "Bearer " + admin),
                HttpRequest.BodyPublishers.noBody());

        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(api.get(path(created), admin), 404, "partner.subscription-not-found");
        assertThat(jdbc.sql("select count(*) from partner_delivery").query(Long.class).single()).isZero();
        assertThat(auditLines("partner.webhook-created", created)).hasSize(1);
        assertThat(auditLines("partner.webhook-deleted", created)).singleElement().satisfies(line -> assertThat(
                line.get("detail").asString()).endsWith("deliveries=1"));
    }

    @Test
    void aPingIsQueuedForTheSubscriptionAndSentByTheNextRun() {
        partner.stubFor(post(urlEqualTo("/hooks/ping")).willReturn(ok()));
        JsonNode created = subscribe("Ping me", "/hooks/ping", "stock.low");

        Response queued = api.postJson(path(created) + "/ping", "", admin);
        sender(Duration.ZERO).sendDue();

        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(queued.json().get("eventType").asString()).isEqualTo("ping");
        assertThat(queued.json().get("status").asString()).isEqualTo("PENDING");
        LoggedRequest request = receivedAt("/hooks/ping").get(0);
        assertThat(request.getHeader("X-BuildNest-Event")).isEqualTo("ping");
        assertThat(json.readTree(request.getBodyAsString()).get("data").get("subscriptionId").asLong())
                .isEqualTo(created.get("id").asLong());
        assertSignedWith(request, created.get("secret").asString());
    }

    @Test
    void badRequestsAreRefusedWithProblemsAndChangeNothing() {
        JsonNode kept = subscribe("Kept", "/hooks/kept", "order.paid");

        assertProblem(create("{}"), 400, "request.invalid");
        assertProblem(create("{\"name\": \"x\", \"url\": \"%s/h\", \"events\": []}".formatted(partner.baseUrl())),
                400, "request.invalid");
        JsonNode refused = assertProblem(create("{\"name\": \"x\", \"url\": \"ftp://partner.example/h\", "
                + "\"events\": [\"order.paid\"]}"), 422, "partner.target-refused");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertProblem(create("{\"name\": \"x\", \"url\": \"https://admin:pw@partner.example/h\", "
                + "\"events\": [\"order.paid\"]}"), 422, "partner.target-refused");
        assertProblem(create("{\"name\": \"x\", \"url\": \"http://2130706433/h\", \"events\": [\"order.paid\"]}"),
                422, "partner.target-refused");
        JsonNode unknown = assertProblem(create("{\"name\": \"x\", \"url\": \"%s/h\", \"events\": [\"order.eaten\"]}"
                .formatted(partner.baseUrl())), 422, "partner.unknown-event-type");
        assertThat(unknown.get("detail").asString()).contains("order.eaten", "order.paid", "stock.low")
                .doesNotContain("ping,");
        assertProblem(create("{\"name\": \"x\", \"url\": \"%s/h\", \"events\": [\"ping\"]}"
                .formatted(partner.baseUrl())), 422, "partner.unknown-event-type");
        assertProblem(create("not json"), 400, "request.malformed");
        assertProblem(put(path(kept), "{\"name\": \"Kept\", \"url\": \"file:///etc/passwd\", "
                + "\"events\": [\"order.paid\"]}"), 422, "partner.target-refused");
        assertProblem(api.get("/api/admin/webhooks/987654321", admin), 404, "partner.subscription-not-found");
        assertProblem(api.get(path(kept) + "/deliveries/987654321", admin), 404, "partner.delivery-not-found");
        api.postJson(path(kept) + "/disable", "", admin);
        assertProblem(api.postJson(path(kept) + "/ping", "", admin), 409, "partner.subscription-disabled");

        JsonNode all = api.get("/api/admin/webhooks", admin).json();
        assertThat(all.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(all.get("content").get(0).get("url").asString()).isEqualTo(partner.baseUrl() + "/hooks/kept");
        assertThat(deliveriesOf(kept)).isEmpty();
        assertThat(auditLines("partner.webhook-created", kept)).hasSize(1);
        assertThat(auditLines("partner.webhook-updated", kept)).isEmpty();
    }

    @Test
    void staffMayNotSeeOrChangeSubscriptions() {
        String staff = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.STAFF);

        assertProblem(api.postJson("/api/admin/webhooks", """
                {"name": "Mine", "url": "%s/hooks/mine", "events": ["order.paid"]}""".formatted(partner.baseUrl()),
                staff), 403, "auth.forbidden");

        assertThat(api.get("/api/admin/webhooks", admin).json().get("page").get("totalElements").asLong()).isZero();
    }

    // --- helpers ---

    private WebhookSender sender(Duration later) {
        return new WebhookSender(deliveries, transport, SETTINGS, meters, Clock.offset(clock, later));
    }

    private JsonNode subscribe(String name, String target, String... eventTypes) {
        String url = target.startsWith("/") ? partner.baseUrl() + target : target;
        Response created = create("{\"name\": \"%s\", \"url\": \"%s\", \"events\": [%s]}".formatted(name, url,
                String.join(", ", java.util.Arrays.stream(eventTypes).map(type -> "\"" + type + "\"").toList())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/admin/webhooks/" + created.json().get("id").asLong());
        return created.json();
    }

    private Response create(String body) {
        return api.postJson("/api/admin/webhooks", body, admin);
    }

    private Response put(String path, String body) {
        return api.send("PUT", path, Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(body));
    }

    private static String path(JsonNode subscription) {
        return "/api/admin/webhooks/" + subscription.get("id").asLong();
    }

    private List<JsonNode> deliveriesOf(JsonNode subscription) {
        Response page = api.get(path(subscription) + "/deliveries?size=100", admin);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        page.json().get("content").forEach(found::add);
        return found;
    }

    /** The audit lines of one action about one subscription (ids are never reused, so other tests' lines are apart). */
    private List<JsonNode> auditLines(String action, JsonNode subscription) {
        String about = "subscription=" + subscription.get("id").asLong();
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/admin/audit?size=100&action=" + action, admin).json().get("content").forEach(found::add);
        return found.stream().filter(line -> line.get("detail").asString().equals(about)
                || line.get("detail").asString().startsWith(about + " ")).toList();
    }

    /** The statements of the partner module's tables that {@code work} ran on this thread. */
    private static List<String> partnerStatementsOf(Runnable work) {
        return StatementCounter.statementsOf(() -> {
            work.run();
            return null;
        }).stream().filter(sql -> sql.contains("partner_")).toList();
    }

    private void deleted(JsonNode subscription) {
        Response deleted = api.send("DELETE", path(subscription), Map.of("Authorization", "Bearer " + admin),
                HttpRequest.BodyPublishers.noBody());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    }

    private void orderMoved(String orderNumber, OrderStatus from, OrderStatus to, String note) {
        transactions.executeWithoutResult(status -> events.publishEvent(new OrderStatusChanged(orderNumber,
                NO_ACCOUNT, from, to, TOTAL, com.buildnest.shared.Money.ZERO, null, note, Instant.parse("2026-11-25T10:00:00Z"))));
    }

    private void stockRanLow(String sku) {
        transactions.executeWithoutResult(status -> events.publishEvent(new StockRanLow(sku, 7, 10)));
    }

    private static String newOrderNumber() {
        return "BN-261125-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static List<LoggedRequest> receivedAt(String path) {
        return partner.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** Verifies the signature as a partner would: HMAC-SHA256(secret, t + "." + body) among the v1 values, t recent. */
    private void assertSignedWith(LoggedRequest request, String secret) {
        String header = request.getHeader("X-BuildNest-Signature");
        assertThat(header).as("signature header").isNotNull();
        long t = 0;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair[0].equals("t")) {
                t = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        assertThat(Math.abs(t - clock.instant().getEpochSecond())).as("t is the time of sending").isLessThan(
                Duration.ofHours(26).toSeconds());
        String expected = hmacSha256Hex(secret, t + "." + request.getBodyAsString());
        assertThat(signatures).contains(expected);
    }

    private static String hmacSha256Hex(String secret, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Answers one request with a 200 whose body of {@code bytes} bytes comes one byte at a time. */
    private static void dripAnAnswer(ServerSocket server, int bytes, Duration between) {
        try (Socket connection = server.accept()) {
            connection.setSoTimeout(30_000);
            InputStream in = connection.getInputStream();
            int matched = 0;
            while (matched < 4) { // up to the blank line after the request headers
                int next = in.read();
                if (next < 0) {
                    return;
                }
                matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
            }
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + bytes + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < bytes; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(between.toMillis());
            }
        } catch (IOException | InterruptedException closedByTheClient) {
            // the client cut the attempt off: what this partner is for
        }
    }

    private double attemptsCounted(String result) {
        return meters.counter("buildnest.partner.webhook.attempts", "result", result).count();
    }
}
