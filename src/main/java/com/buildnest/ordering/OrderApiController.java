package com.buildnest.ordering;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's own orders: the list, one order, its GST tax invoice, cancelling and returning it. */
@RestController
@RequestMapping("/api/orders")
@Validated
class OrderApiController {

    private final Orders orders;
    private final Refunds refunds;

    OrderApiController(Orders orders, Refunds refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    /** Why the customer sends the order back: required. */
    record ReturnRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Why the order is being cancelled, if the customer says. */
    record CancelRequest(@Size(max = 200) String reason) {
    }

    @GetMapping
    PagedModel<OrderSummary> list(@AuthenticationPrincipal Jwt caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Orders.MAX_PAGE_SIZE) int size) {
        return new PagedModel<>(orders.ofCustomer(accountOf(caller), page, size));
    }

    @GetMapping("/{orderNumber}")
    OrderView order(@AuthenticationPrincipal Jwt caller, @PathVariable String orderNumber) {
        return orders.ofCustomer(accountOf(caller), orderNumber);
    }

    /**
     * Cancels the customer's own order before it ships: reserved stock is released, sold stock goes
     * back on the shelf, and a paid order's money is refunded (at once, or by the retrying job if the
     * gateway is down).
     */
    @PostMapping("/{orderNumber}/cancel")
    OrderView cancel(@AuthenticationPrincipal Jwt caller, @PathVariable String orderNumber,
            @Valid @RequestBody(required = false) CancelRequest request) {
        long accountId = accountOf(caller);
        orders.cancel(orderNumber, accountId, accountId, request == null ? "cancelled by the customer"
                : request.reason() == null || request.reason().isBlank() ? "cancelled by the customer" : request.reason().strip());
        refunds.payOwed(orderNumber);
        return orders.ofCustomer(accountId, orderNumber);
    }

    /**
     * Asks to return the whole of a delivered order, within the return window after delivery; staff
     * then receive the goods (and the money is refunded) or reject the request.
     */
    @PostMapping("/{orderNumber}/return")
    OrderView requestReturn(@AuthenticationPrincipal Jwt caller, @PathVariable String orderNumber,
            @Valid @RequestBody ReturnRequest request) {
        return orders.requestReturn(orderNumber, accountOf(caller), request.reason().strip());
    }

    @Operation(summary = "The GST tax invoice of a paid order, as a PDF", responses = {
            @ApiResponse(responseCode = "200", description = "the invoice",
                    content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "404", description = "no such order of the caller's (order.not-found)"),
            @ApiResponse(responseCode = "409", description = "not paid, so not invoiced (order.not-invoiced)") })
    @GetMapping("/{orderNumber}/invoice")
    ResponseEntity<byte[]> invoice(@AuthenticationPrincipal Jwt caller, @PathVariable String orderNumber) {
        byte[] pdf = orders.invoiceOf(accountOf(caller), orderNumber);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("invoice-" + orderNumber + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    static long accountOf(Jwt caller) {
        return Long.parseLong(caller.getSubject());
    }
}
