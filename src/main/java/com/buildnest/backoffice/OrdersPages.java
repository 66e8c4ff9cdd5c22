package com.buildnest.backoffice;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.customer.AccountAdministration;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderView;
import com.buildnest.ordering.Orders;
import com.buildnest.ordering.Refunds;
import com.buildnest.payment.Payments;
import com.buildnest.platform.web.PageForms;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/**
 * The orders section: every order, filtered by status or customer, and one order's page with the
 * moves staff make (pack, ship with tracking, deliver, cancel, refund, receive or reject a return).
 * It calls what {@code /api/admin/orders} calls, in the same order; the order itself decides whether
 * a move may happen, and a refused move comes back on the order's page with the module's message.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
@RequestMapping("/admin/orders")
class OrdersPages {

    static final int PAGE_SIZE = 20;

    private final Orders orders;
    private final Refunds refunds;
    private final Payments payments;
    private final AccountAdministration accounts;

    OrdersPages(Orders orders, Refunds refunds, Payments payments, AccountAdministration accounts) {
        this.orders = orders;
        this.refunds = refunds;
        this.payments = payments;
        this.accounts = accounts;
    }

    /** The list's filters, as the query string carries them: a plain link can be shared. */
    record Filters(OrderStatus status, @Positive Long customer, @Size(max = 20) String number,
            @Min(0) @Max(100_000) Integer page) {

        int pageOrFirst() {
            return page == null ? 0 : page;
        }
    }

    record ShipForm(@NotBlank(message = "Enter the carrier.") @Size(max = 60, message = "At most 60 characters.")
            String carrier,
            @NotBlank(message = "Enter the tracking number.") @Size(max = 60, message = "At most 60 characters.")
            @Pattern(regexp = "[A-Za-z0-9 ./-]+", message = "Letters, digits, spaces, dots, slashes and hyphens only.")
            String trackingNumber) {
    }

    record CancelForm(@NotBlank(message = "Say why the order is cancelled.")
            @Size(max = 200, message = "At most 200 characters.") String cancelReason) {
    }

    /** @param key the refund's idempotency key, fixed when the form is shown: a double submit refunds once */
    record RefundForm(
            @NotBlank(message = "Enter the amount in rupees.")
            @Pattern(regexp = "[0-9]{1,9}(\\.[0-9]{1,2})?", message = "An amount in rupees, such as 1250 or 1250.50.")
            String amount,
            @NotBlank(message = "Say why the money is given back.") @Size(max = 200, message = "At most 200 characters.")
            String refundReason,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,80}") String key) {
    }

    record RejectForm(@NotBlank(message = "Say why the return is rejected.")
            @Size(max = 200, message = "At most 200 characters.") String rejectReason) {
    }

    @GetMapping
    String list(@Valid @ModelAttribute("filters") Filters filters, BindingResult errors, HttpServletResponse response,
            Model model) {
        Map<String, String> fieldErrors = PageForms.messages(errors);
        if (errors.getFieldError("status") != null) {
            fieldErrors.put("status", "Choose a status from the list.");
        }
        if (errors.getFieldError("customer") != null) {
            fieldErrors.put("customer", "A customer's account number, such as 42.");
        }
        if (fieldErrors.isEmpty() && filters.number() != null) {
            String number = filters.number().strip();
            try {
                return "redirect:/admin/orders/" + orders.forStaff(number).orderNumber();
            } catch (BusinessRuleViolation notFound) {
                fieldErrors.put("number", notFound.getMessage());
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
        }
        if (!errors.hasErrors()) {
            model.addAttribute("orders", orders.forStaff(filters.status(), filters.customer(), filters.pageOrFirst(),
                    PAGE_SIZE));
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("fieldErrors", fieldErrors);
        return "admin/orders";
    }

    @GetMapping("/{orderNumber}")
    String order(@PathVariable String orderNumber, Model model) {
        return detail(orders.forStaff(orderNumber), model);
    }

    @PostMapping("/{orderNumber}/pack")
    String pack(@PathVariable String orderNumber, @AuthenticationPrincipal SignedInAccount me,
            RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return moved(orderNumber, "Packed.", () -> orders.pack(orderNumber, me.accountId()), redirect, response,
                model);
    }

    @PostMapping("/{orderNumber}/ship")
    String ship(@PathVariable String orderNumber, @Valid @ModelAttribute("ship") ShipForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect, HttpServletResponse response,
            Model model) {
        if (errors.hasErrors()) {
            return refusedForm(orderNumber, errors, response, model);
        }
        return moved(orderNumber, "Shipped with " + form.carrier().strip() + ", tracking number "
                + form.trackingNumber().strip() + ".", () -> orders.ship(orderNumber, form.carrier().strip(),
                        form.trackingNumber().strip(), me.accountId()), redirect, response, model);
    }

    @PostMapping("/{orderNumber}/deliver")
    String deliver(@PathVariable String orderNumber, @AuthenticationPrincipal SignedInAccount me,
            RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return moved(orderNumber, "Delivered.", () -> orders.deliver(orderNumber, me.accountId()), redirect, response,
                model);
    }

    /** As the API: cancels as the state machine allows, then asks the gateway for what a paid order owes. */
    @PostMapping("/{orderNumber}/cancel")
    String cancel(@PathVariable String orderNumber, @Valid @ModelAttribute("cancel") CancelForm form,
            BindingResult errors, @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect,
            HttpServletResponse response, Model model) {
        if (errors.hasErrors()) {
            return refusedForm(orderNumber, errors, response, model);
        }
        return moved(orderNumber, "Cancelled.", () -> {
            orders.cancel(orderNumber, null, me.accountId(), form.cancelReason().strip());
            return refunds.payOwed(orderNumber);
        }, redirect, response, model);
    }

    @PostMapping("/{orderNumber}/refund")
    String refund(@PathVariable String orderNumber, @Valid @ModelAttribute("refund") RefundForm form,
            BindingResult errors, RedirectAttributes redirect, HttpServletResponse response, Model model) {
        if (errors.hasErrors()) {
            return refusedForm(orderNumber, errors, response, model);
        }
        Money amount = Money.ofRupees(form.amount());
        return moved(orderNumber, "Refund of " + amount + " asked of the payment gateway.",
                () -> refunds.refund(orderNumber, amount, form.key()), redirect, response, model);
    }

    /** As the API: the goods are back on the shelf, then everything paid is asked back of the gateway. */
    @PostMapping("/{orderNumber}/return/receive")
    String receiveReturn(@PathVariable String orderNumber, @AuthenticationPrincipal SignedInAccount me,
            RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return moved(orderNumber, "Return received; the goods are back in stock.", () -> {
            orders.receiveReturn(orderNumber, me.accountId());
            return refunds.payOwed(orderNumber);
        }, redirect, response, model);
    }

    @PostMapping("/{orderNumber}/return/reject")
    String rejectReturn(@PathVariable String orderNumber, @Valid @ModelAttribute("reject") RejectForm form,
            BindingResult errors, @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect,
            HttpServletResponse response, Model model) {
        if (errors.hasErrors()) {
            return refusedForm(orderNumber, errors, response, model);
        }
        return moved(orderNumber, "Return rejected.",
                () -> orders.rejectReturn(orderNumber, me.accountId(), form.rejectReason().strip()), redirect,
                response, model);
    }

    /**
     * Makes a move and goes back to the order's page with {@code notice}; a move the module refuses
     * shows the order again with its message (beside the field it names, if any) and its status.
     * An order that does not exist is the error page's 404, and a payment gateway that does not answer
     * its 503 ({@code platform.web.PageErrors}).
     */
    private String moved(String orderNumber, String notice, Supplier<?> move, RedirectAttributes redirect,
            HttpServletResponse response, Model model) {
        try {
            move.get();
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.kind() == BusinessRuleViolation.Kind.CONFLICT ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            if (refused.field() != null) {
                model.addAttribute("fieldErrors", Map.of(refused.field(), refused.getMessage()));
            } else {
                model.addAttribute("actionError", refused.getMessage());
            }
            return detail(orders.forStaff(orderNumber), model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/orders/" + orderNumber;
    }

    private String refusedForm(String orderNumber, BindingResult errors, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", PageForms.messages(errors));
        return detail(orders.forStaff(orderNumber), model);
    }

    /**
     * The order's page, with the account that placed it (a link to its page in the customers section);
     * forms not yet in the model (a refused one keeps what was typed) start empty.
     */
    private String detail(OrderView order, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("customer", accounts.account(orders.placedBy(order.orderNumber())));
        model.addAttribute("payment", payments.paymentOf(order.orderNumber()).orElse(null));
        model.addAttribute("moves", Moves.of(order));
        if (!model.containsAttribute("ship")) {
            model.addAttribute("ship", new ShipForm(null, null));
        }
        if (!model.containsAttribute("cancel")) {
            model.addAttribute("cancel", new CancelForm(null));
        }
        if (!model.containsAttribute("refund")) {
            model.addAttribute("refund", new RefundForm(null, null, UUID.randomUUID().toString()));
        }
        if (!model.containsAttribute("reject")) {
            model.addAttribute("reject", new RejectForm(null));
        }
        return "admin/order";
    }

    /**
     * Which forms the order's page offers, as the order's state machine ({@link OrderStatus#mayBecome})
     * allows from where it stands. Only what is shown: every move is checked again by the order.
     */
    record Moves(boolean pack, boolean ship, boolean deliver, boolean cancel, boolean refund, boolean returned) {

        static Moves of(OrderView order) {
            OrderStatus status = order.status();
            boolean paid = order.payment() != null && order.payment().paymentId() != null;
            boolean returnOpen = status.mayBecome(OrderStatus.RETURNED);
            return new Moves(status.mayBecome(OrderStatus.PACKED), status.mayBecome(OrderStatus.SHIPPED),
                    status.mayBecome(OrderStatus.DELIVERED) && !returnOpen, status.mayBecome(OrderStatus.CANCELLED),
                    paid && (status.mayBecome(OrderStatus.PARTIALLY_REFUNDED) || status.mayBecome(OrderStatus.REFUNDED))
                            && order.totals().refunded().compareTo(order.totals().total()) < 0,
                    returnOpen);
        }
    }
}
