package com.buildnest.storefront;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.cart.Carts;
import com.buildnest.customer.AddressBook;
import com.buildnest.customer.CustomerContacts;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.ordering.Checkout;
import com.buildnest.ordering.OrderView;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.Orders;
import com.buildnest.ordering.Refunds;
import com.buildnest.payment.GatewayCheckout;
import com.buildnest.payment.PaymentProperties;
import com.buildnest.payment.PaymentSignatureInvalid;
import com.buildnest.payment.PaymentSummary;
import com.buildnest.payment.Payments;
import com.buildnest.payment.SimulatedCheckout;
import com.buildnest.payment.SimulatedCheckout.BrowserCallback;
import com.buildnest.platform.security.BrowserProtections;
import com.buildnest.platform.web.PageForms;
import com.buildnest.review.Reviews;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Checkout and orders through the ordering and payment modules, as {@code /api/checkout},
 * {@code /api/payments/*} and {@code /api/orders} use them. Placing the order prices it, splits
 * the GST by place of supply (CGST+SGST or IGST), checks that the PIN code is served and adds
 * delivery; the payment page shows all of that before the shopper pays on the simulated gateway's
 * page (the embedded default), whose signed answer is verified like Razorpay's.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class CheckoutController {

    private final Carts carts;
    private final AddressBook addressBook;
    private final Checkout checkout;
    private final Orders orders;
    private final SimulatedCheckout simulated;
    private final Payments payments;
    private final PageSession session;
    private final Refunds refunds;
    private final Reviews reviews;
    private final CustomerContacts contacts;
    private final Clock clock;

    CheckoutController(Carts carts, AddressBook addressBook, Checkout checkout, Orders orders,
            SimulatedCheckout simulated, Payments payments, PageSession session, Refunds refunds, Reviews reviews,
            CustomerContacts contacts, Clock clock) {
        this.contacts = contacts;
        this.refunds = refunds;
        this.reviews = reviews;
        this.clock = clock;
        this.carts = carts;
        this.addressBook = addressBook;
        this.checkout = checkout;
        this.orders = orders;
        this.simulated = simulated;
        this.payments = payments;
        this.session = session;
    }

    @GetMapping("/checkout")
    String checkoutPage(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, Model model) {
        model.addAttribute("cart", PageModel.remember(carts.cart(session.shopper(me, request)), request));
        model.addAttribute("addresses", addressBook.addressesOf(AccountController.subject(me)));
        model.addAttribute("address", AccountController.emptyAddress());
        // One key per visit of this page: a double-clicked "Place order" places one order.
        model.addAttribute("checkoutKey", UUID.randomUUID().toString());
        return "checkout";
    }

    @PostMapping("/checkout")
    String placeOrder(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) Long addressId,
            @RequestParam(defaultValue = "") String billingGstin, @RequestParam String checkoutKey,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            if (addressId == null) {
                throw BusinessRuleViolation.invalidField("request.invalid", "addressId",
                        "Choose where to deliver, or add an address.");
            }
            Checkout.Placed placed = checkout.place(me.accountId(), new Checkout.Request(addressId,
                    billingGstin == null || billingGstin.isBlank() ? null : billingGstin.strip(), "razorpay"),
                    checkoutKey);
            request.getSession().setAttribute(PageModel.CART_COUNT, 0);
            return "redirect:/pay/" + placed.orderNumber();
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND && refused.field() == null) {
                throw refused;
            }
            response.setStatus(refused.kind() == BusinessRuleViolation.Kind.CONFLICT ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            checkoutPage(me, request, model);
            model.addAttribute("checkoutError", refused.getMessage());
            model.addAttribute("chosenAddress", addressId);
            model.addAttribute("billingGstin", billingGstin);
            return "checkout";
        }
    }

    /**
     * The order to pay, with its GST split and delivery; then the simulated gateway's buttons, or,
     * when the payment module runs Razorpay, Razorpay Checkout opened by {@code /js/razorpay-checkout.js}
     * with the values of {@link RazorpayCheckout} (this page alone may then load Razorpay's hosts).
     */
    @GetMapping("/pay/{orderNumber}")
    String payPage(@AuthenticationPrincipal SignedInAccount me, @PathVariable String orderNumber,
            HttpServletRequest request, Model model) {
        OrderView order = orders.ofCustomer(me.accountId(), orderNumber);
        model.addAttribute("order", order);
        if (order.status() == OrderStatus.PENDING_PAYMENT || order.status() == OrderStatus.PAYMENT_FAILED) {
            payments.checkoutOf(orderNumber, me.accountId())
                    .filter(checkout -> checkout.gateway() == PaymentProperties.Gateway.RAZORPAY)
                    .ifPresent(checkout -> {
                        model.addAttribute("razorpay", RazorpayCheckout.of(checkout, order,
                                contacts.contactOf(me.accountId()).orElse(null)));
                        BrowserProtections.allowRazorpayCheckout(request);
                    });
        }
        return "pay";
    }

    /**
     * What Razorpay Checkout is opened with, passed to the page's script as data- attributes: the
     * public key id (never the secret), the amount in paise, the gateway order and the prefill.
     */
    record RazorpayCheckout(String keyId, long amountPaise, String currency, String orderId, String name,
            String description, String prefillName, String prefillEmail, String prefillContact) {

        static RazorpayCheckout of(GatewayCheckout checkout, OrderView order, CustomerContacts.Contact contact) {
            return new RazorpayCheckout(checkout.keyId(), checkout.amount().paise(), checkout.currency(),
                    checkout.gatewayOrderId(), "BuildNest", "Order " + order.orderNumber(),
                    contact == null ? order.shippingAddress().recipientName() : contact.name(),
                    contact == null ? "" : contact.email(), order.shippingAddress().phone());
        }
    }

    /**
     * Razorpay Checkout's handler posts what Razorpay handed the browser; the payment module verifies
     * the signature and asks Razorpay, exactly as {@code POST /api/payments/razorpay/verify} does.
     */
    @PostMapping("/pay/{orderNumber}/razorpay")
    String verifyRazorpay(@AuthenticationPrincipal SignedInAccount me, @PathVariable String orderNumber,
            @RequestParam(name = "razorpay_order_id", defaultValue = "") String razorpayOrderId,
            @RequestParam(name = "razorpay_payment_id", defaultValue = "") String razorpayPaymentId,
            @RequestParam(name = "razorpay_signature", defaultValue = "") String razorpaySignature,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            PaymentSummary paid = payments.confirmCheckout(me.accountId(), razorpayOrderId, razorpayPaymentId,
                    razorpaySignature);
            redirect.addFlashAttribute("notice", "Thank you! Your payment was received.");
            return "redirect:/orders/" + paid.orderNumber();
        } catch (PaymentSignatureInvalid refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("paymentError", "Razorpay's answer could not be verified, so the order is not "
                    + "marked paid. If money left your account, it is refunded automatically.");
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("paymentError", refused.getMessage());
        }
        return payPage(me, orderNumber, request, model);
    }

    @PostMapping("/pay/{orderNumber}")
    String pay(@AuthenticationPrincipal SignedInAccount me, @PathVariable String orderNumber,
            @RequestParam String outcome, Model model, RedirectAttributes redirect) {
        OrderView order = orders.ofCustomer(me.accountId(), orderNumber);
        BrowserCallback answer = simulated.pay(me.accountId(), order.payment().gatewayOrderId(),
                "success".equals(outcome));
        if (answer.error() != null) {
            redirect.addFlashAttribute("paymentError", answer.error().description());
            return "redirect:/pay/" + orderNumber;
        }
        PaymentSummary paid = payments.confirmCheckout(me.accountId(), answer.orderId(), answer.paymentId(),
                answer.signature());
        redirect.addFlashAttribute("notice", "Thank you! Your payment was received.");
        return "redirect:/orders/" + paid.orderNumber();
    }

    @GetMapping("/orders")
    String orderHistory(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("orders", orders.ofCustomer(me.accountId(), Math.max(0, page), 20));
        return "orders";
    }

    /**
     * The order with its status history and tracking; a delivered order within its window offers a
     * return, and each product the customer received and has not reviewed offers a review form.
     */
    @GetMapping("/orders/{orderNumber}")
    String order(@AuthenticationPrincipal SignedInAccount me, @PathVariable String orderNumber, Model model) {
        OrderView order = orders.ofCustomer(me.accountId(), orderNumber);
        model.addAttribute("order", order);
        model.addAttribute("returnable", order.returnableAt(clock.instant()));
        model.addAttribute("reviewable", reviews.reviewableBy(me.accountId(),
                order.lines().stream().map(OrderView.Line::productId).toList()));
        if (!model.containsAttribute("returnForm")) {
            model.addAttribute("returnForm", new ReturnForm(""));
        }
        return "order";
    }

    record ReturnForm(@NotBlank(message = "Tell us why you are returning the order.")
            @Size(max = 500, message = "Keep the reason under 500 characters.") String reason) {
    }

    /** Asks to return the order as {@code POST /api/orders/{n}/return} does; the order module decides. */
    @PostMapping("/orders/{orderNumber}/return")
    String requestReturn(@AuthenticationPrincipal SignedInAccount me, @PathVariable String orderNumber,
            @Valid @ModelAttribute("returnForm") ReturnForm form, BindingResult errors, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                orders.requestReturn(orderNumber, me.accountId(), form.reason().strip());
                redirect.addFlashAttribute("notice", "Your return request is sent. We will arrange the pick-up.");
                return "redirect:/orders/" + orderNumber;
            } catch (BusinessRuleViolation refused) {
                if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                    throw refused;
                }
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("returnError", refused.getMessage());
                return order(me, orderNumber, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", PageForms.messages(errors));
        return order(me, orderNumber, model);
    }

    /** Cancels as {@code POST /api/orders/{n}/cancel} does: the order module decides, then any refund owed is paid. */
    @PostMapping("/orders/{orderNumber}/cancel")
    String cancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String orderNumber,
            RedirectAttributes redirect) {
        try {
            orders.cancel(orderNumber, me.accountId(), me.accountId(), "cancelled by the customer");
            refunds.payOwed(orderNumber);
            redirect.addFlashAttribute("notice", "Your order is cancelled.");
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("cancelError", refused.getMessage());
        }
        return "redirect:/orders/" + orderNumber;
    }

    @GetMapping("/orders/{orderNumber}/invoice")
    ResponseEntity<byte[]> invoice(@AuthenticationPrincipal SignedInAccount me, @PathVariable String orderNumber) {
        byte[] pdf = orders.invoiceOf(me.accountId(), orderNumber);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("invoice-" + orderNumber + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }
}
