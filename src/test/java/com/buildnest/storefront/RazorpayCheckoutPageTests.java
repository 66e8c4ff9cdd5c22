package com.buildnest.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import com.buildnest.cart.Carts;
import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.AddressBook;
import com.buildnest.customer.CustomerContacts;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.Checkout;
import com.buildnest.ordering.Orders;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.ordering.Refunds;
import com.buildnest.payment.RazorpayMode;
import com.buildnest.payment.SimulatedCheckout;
import com.buildnest.review.Reviews;
import com.buildnest.shared.Money;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * The pay page when the payment module runs Razorpay. The shared context runs the simulated
 * gateway, so a payment is marked as started in Razorpay mode (its gateway column), and the page's
 * controller is also driven with the payment module in Razorpay mode against a local fake of
 * Razorpay ({@link RazorpayMode}): Checkout's script and values on the page, a Content-Security-Policy
 * that adds Razorpay's hosts on that page alone, and Razorpay's answer verified before the order is paid.
 */
@BuildNestTest
class RazorpayCheckoutPageTests {

    static final String STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String RAZORPAY_CHECKOUT = "default-src 'self'; "
            + "script-src 'self' https://checkout.razorpay.com https://cdn.razorpay.com; style-src 'self'; "
            + "img-src 'self' data: https://cdn.razorpay.com; font-src 'self'; "
            + "connect-src 'self' https://lumberjack.razorpay.com https://lumberjack-metrics.razorpay.com; "
            + "frame-src https://api.razorpay.com; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

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
    ApplicationContext context;

    PurchaseFixtures purchase;

    @BeforeEach
    void shop() {
        purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
    }

    @Test
    void thePayPageOfARazorpayPaymentLoadsCheckoutWithItsValuesAndOnlyThatPageAllowsRazorpaysHosts()
            throws Exception {
        long cement = purchase.product(20);
        try (Browser browser = new Browser(port)) {
            Buyer buyer = Shoppers.signedUp(browser, api, tokens, jdbc);
            String razorpayOrder = purchase.placedOrder(buyer, cement, 2);
            String simulatedOrder = purchase.placedOrder(buyer, cement, 1);
            startedWithRazorpay(razorpayOrder);
            JsonNode placed = purchase.order(buyer, razorpayOrder);

            HttpResponse<String> page = get(browser, "/pay/" + razorpayOrder);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(RAZORPAY_CHECKOUT);
            assertThat(page.body())
                    .contains("<script src=\"https://checkout.razorpay.com/v1/checkout.js\" defer></script>")
                    .contains("<script src=\"/js/razorpay-checkout.js\" defer></script>")
                    .contains("data-order-id=\"" + placed.get("payment").get("gatewayOrderId").asString() + "\"")
                    .contains("data-amount=\"" + paiseOf(placed) + "\"")
                    .contains("data-currency=\"INR\"")
                    .contains("data-description=\"Order " + razorpayOrder + "\"")
                    .contains("data-prefill-name=\"Asha Rao\"")
                    .containsPattern("data-prefill-email=\"shopper\\d+@example.com\"")
                    .containsPattern("data-key=\"[^\"]+\"")
                    .contains("action=\"/pay/" + razorpayOrder + "/razorpay\"")
                    .doesNotContain("Simulated payment gateway");

            HttpResponse<String> simulatedPage = get(browser, "/pay/" + simulatedOrder);
            assertThat(simulatedPage.body()).contains("Simulated payment gateway").doesNotContain("razorpay.com");
            assertThat(simulatedPage.headers().allValues("Content-Security-Policy")).containsExactly(STRICT);
            assertThat(get(browser, "/orders/" + razorpayOrder).headers().allValues("Content-Security-Policy"))
                    .containsExactly(STRICT);
            HttpResponse<String> script = get(browser, "/js/razorpay-checkout.js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).contains("razorpay_signature").contains("new window.Razorpay(");
        }
    }

    @Autowired Carts carts;
    @Autowired AddressBook addressBook;
    @Autowired Checkout checkout;
    @Autowired Orders orders;
    @Autowired SimulatedCheckout simulated;
    @Autowired PageSession session;
    @Autowired Refunds refunds;
    @Autowired Reviews reviews;
    @Autowired CustomerContacts contacts;
    @Autowired Clock clock;

    @Test
    void razorpaysAnswerWithAGoodSignaturePaysTheOrderAndAForgedOneIsRefusedChangingNothing() {
        long cement = purchase.product(20);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.placedOrder(buyer, cement, 2);
        startedWithRazorpay(orderNumber);
        JsonNode placed = purchase.order(buyer, orderNumber);
        String gatewayOrderId = placed.get("payment").get("gatewayOrderId").asString();
        SignedInAccount me = new SignedInAccount(buyer.accountId(), "buyer", List.of("CUSTOMER"), clock.instant(),
                "the controller is called directly: no session to check");
        try (RazorpayMode razorpay = new RazorpayMode(context)) {
            CheckoutController page = new CheckoutController(carts, addressBook, checkout, orders, simulated,
                    razorpay.payments(), session, refunds, reviews, contacts, clock);

            ExtendedModelMap model = new ExtendedModelMap();
            assertThat(page.payPage(me, orderNumber, new MockHttpServletRequest(), model)).isEqualTo("pay");
            CustomerContacts.Contact contact = contacts.contactOf(buyer.accountId()).orElseThrow();
            assertThat(model.get("razorpay")).isEqualTo(new CheckoutController.RazorpayCheckout(RazorpayMode.KEY_ID,
                    paiseOf(placed), "INR", gatewayOrderId, "BuildNest", "Order " + orderNumber, contact.name(),
                    contact.email(), placed.get("shippingAddress").get("phone").asString()));

            razorpay.hasCapturedPayment("pay_PageGenuine001", gatewayOrderId, paiseOf(placed));
            MockHttpServletResponse forgedAnswer = new MockHttpServletResponse();
            ExtendedModelMap refusedModel = new ExtendedModelMap();
            String refused = page.verifyRazorpay(me, orderNumber, gatewayOrderId, "pay_PageGenuine001",
                    RazorpayMode.checkoutSignature(gatewayOrderId, "pay_SomeOther0001"), new MockHttpServletRequest(),
                    forgedAnswer, refusedModel, new RedirectAttributesModelMap());

            assertThat(refused).isEqualTo("pay");
            assertThat(forgedAnswer.getStatus()).isEqualTo(400);
            assertThat((String) refusedModel.get("paymentError")).contains("could not be verified");
            assertThat(purchase.order(buyer, orderNumber)).as("nothing changed").isEqualTo(placed);

            String paid = page.verifyRazorpay(me, orderNumber, gatewayOrderId, "pay_PageGenuine001",
                    RazorpayMode.checkoutSignature(gatewayOrderId, "pay_PageGenuine001"), new MockHttpServletRequest(),
                    new MockHttpServletResponse(), new ExtendedModelMap(), new RedirectAttributesModelMap());

            assertThat(paid).isEqualTo("redirect:/orders/" + orderNumber);
            JsonNode after = purchase.order(buyer, orderNumber);
            assertThat(after.get("status").asString()).isEqualTo("PAID");
            assertThat(after.get("payment").get("paymentId").asString()).isEqualTo("pay_PageGenuine001");
        }
    }

    /** As if the payment module had run in Razorpay mode when the order was placed. */
    private void startedWithRazorpay(String orderNumber) {
        assertThat(jdbc.sql("update payment set gateway = 'RAZORPAY' where order_number = ?").param(orderNumber)
                .update()).isEqualTo(1);
    }

    private static long paiseOf(JsonNode order) {
        return Money.ofRupees(order.get("totals").get("total").get("amount").asString()).paise();
    }

    private static HttpResponse<String> get(Browser browser, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
                .header("Cookie", browser.cookieHeader()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
