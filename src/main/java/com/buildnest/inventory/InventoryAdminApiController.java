package com.buildnest.inventory;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff's view of stock (all of {@code /api/admin/**} needs STAFF or ADMIN): levels, receipts, adjustments. */
@RestController
@RequestMapping("/api/admin/inventory")
@Validated
class InventoryAdminApiController {

    static final int MOVEMENTS_SHOWN = 20;

    private final Inventory inventory;

    InventoryAdminApiController(Inventory inventory) {
        this.inventory = inventory;
    }

    record ReceiptRequest(@NotNull @Min(1) @Max(Inventory.MAX_QUANTITY) Long quantity,
            @Size(max = Stock.MAX_REASON) String reason) {
    }

    record AdjustmentRequest(@NotNull @Min(-Inventory.MAX_QUANTITY) @Max(Inventory.MAX_QUANTITY) Long delta,
            @NotBlank @Size(max = Stock.MAX_REASON) String reason) {
    }

    /** A null threshold means the configured default. */
    record ThresholdRequest(@Min(0) @Max(Inventory.MAX_QUANTITY) Long threshold) {
    }

    /** A SKU's levels and its latest ledger lines, newest first. */
    record StockDetails(StockLevel level, List<Movement> movements) {
    }

    @GetMapping("/low-stock")
    PagedModel<StockLevel> lowStock(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) int size) {
        return new PagedModel<>(inventory.lowStock(page, size));
    }

    @GetMapping("/{sku}")
    StockDetails stock(@PathVariable String sku) {
        return new StockDetails(inventory.level(sku), inventory.movements(sku, MOVEMENTS_SHOWN));
    }

    @PostMapping("/{sku}/receipts")
    StockLevel receive(@PathVariable String sku, @Valid @RequestBody ReceiptRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return inventory.receive(sku, request.quantity(), request.reason(), Long.parseLong(caller.getSubject()));
    }

    @PostMapping("/{sku}/adjustments")
    StockLevel adjust(@PathVariable String sku, @Valid @RequestBody AdjustmentRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return inventory.adjust(sku, request.delta(), request.reason(), Long.parseLong(caller.getSubject()));
    }

    @PutMapping("/{sku}/threshold")
    StockLevel threshold(@PathVariable String sku, @Valid @RequestBody ThresholdRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return inventory.setLowStockThreshold(sku, request.threshold(), Long.parseLong(caller.getSubject()));
    }
}
