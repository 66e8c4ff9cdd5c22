package com.buildnest.ordering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.shared.Money;

/**
 * Staff's work on orders (STAFF or ADMIN, as all of {@code /api/admin/**}): find, pack, ship,
 * deliver, cancel, refund, and receive or reject returns.
 */
@RestController
@RequestMapping("/api/admin/orders")
@Validated
class OrderAdminApiController {

    private final Orders orders;
    private final Refunds refunds;

    OrderAdminApiController(Orders orders, Refunds refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    record CancelRequest(@NotBlank @Size(max = 200) String reason) {
    }

    record ReturnRejection(@NotBlank @Size(max = 200) String reason) {
    }

    /** @param amount in rupees, e.g. {@code "1250.00"} */
    record RefundRequest(@NotBlank @Pattern(regexp = "[0-9]{1,9}(\\.[0-9]{1,2})?") String amount,
            @NotBlank @Size(max = 200) String reason) {
    }

    record ShipmentRequest(@NotBlank @Size(max = 60) String carrier,
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9 ./-]+") String trackingNumber) {
    }

    @GetMapping
    PagedModel<OrderSummary> list(@RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Orders.MAX_PAGE_SIZE) int size) {
        return new PagedModel<>(orders.forStaff(status, page, size));
    }

    @GetMapping("/{orderNumber}")
    OrderView order(@PathVariable String orderNumber) {
        return orders.forStaff(orderNumber);
    }

    @PostMapping("/{orderNumber}/pack")
    OrderView pack(@PathVariable String orderNumber, @AuthenticationPrincipal Jwt caller) {
        return orders.pack(orderNumber, OrderApiController.accountOf(caller));
    }

    @PostMapping("/{orderNumber}/ship")
    OrderView ship(@PathVariable String orderNumber, @Valid @RequestBody ShipmentRequest shipment,
            @AuthenticationPrincipal Jwt caller) {
        return orders.ship(orderNumber, shipment.carrier().strip(), shipment.trackingNumber().strip(),
                OrderApiController.accountOf(caller));
    }

    @PostMapping("/{orderNumber}/deliver")
    OrderView deliver(@PathVariable String orderNumber, @AuthenticationPrincipal Jwt caller) {
        return orders.deliver(orderNumber, OrderApiController.accountOf(caller));
    }

    /** Cancels as the state machine allows (also after packing); a paid order is refunded in full. */
    @PostMapping("/{orderNumber}/cancel")
    OrderView cancel(@PathVariable String orderNumber, @Valid @RequestBody CancelRequest request,
            @AuthenticationPrincipal Jwt caller) {
        orders.cancel(orderNumber, null, OrderApiController.accountOf(caller), request.reason().strip());
        refunds.payOwed(orderNumber);
        return orders.forStaff(orderNumber);
    }

    /**
     * The goods of a requested return came back: they go back on the shelf and everything paid is
     * refunded (at once, or by the retrying job if the gateway is down). Sending it again changes nothing.
     */
    @PostMapping("/{orderNumber}/return/receive")
    OrderView receiveReturn(@PathVariable String orderNumber, @AuthenticationPrincipal Jwt caller) {
        orders.receiveReturn(orderNumber, OrderApiController.accountOf(caller));
        refunds.payOwed(orderNumber);
        return orders.forStaff(orderNumber);
    }

    /** Turns a return request down: the order is delivered again and cannot be asked back a second time. */
    @PostMapping("/{orderNumber}/return/reject")
    OrderView rejectReturn(@PathVariable String orderNumber, @Valid @RequestBody ReturnRejection rejection,
            @AuthenticationPrincipal Jwt caller) {
        return orders.rejectReturn(orderNumber, OrderApiController.accountOf(caller), rejection.reason().strip());
    }

    /**
     * Refunds part or all of a delivered (or returned, or cancelled) order; needs an
     * {@code Idempotency-Key}: the same key refunds once however often it is sent.
     */
    @PostMapping("/{orderNumber}/refund")
    OrderView refund(@PathVariable String orderNumber, @Valid @RequestBody RefundRequest request,
            @RequestHeader("Idempotency-Key") @Size(min = 1, max = 80) @Pattern(regexp = "[\\x21-\\x7E]+")
            String idempotencyKey) {
        refunds.refund(orderNumber, Money.ofRupees(request.amount()), idempotencyKey);
        return orders.forStaff(orderNumber);
    }
}
