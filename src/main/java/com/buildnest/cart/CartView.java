package com.buildnest.cart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.buildnest.catalog.OrderQuantityRule.Check;
import com.buildnest.catalog.ProductCatalog.Offer;
import com.buildnest.catalog.ProductCatalog.PriceQuote;
import com.buildnest.shared.Money;

/**
 * A cart as the shopper sees it, priced now by the catalogue (tier price by quantity, GST at
 * today's rate). A line with a problem (no longer sold, quantity no longer orderable, not enough
 * stock) is shown but left out of the totals, and {@code checkoutReady} is false until it is fixed.
 *
 * @param id null while a guest has no cart
 * @param version changes with every change to the cart; send it back in {@code If-Match}
 * @param cartToken the new guest's cart token, only in the answer that created the cart
 * @param itemCount the number of lines (their quantities are in different units)
 * @param subtotal the lines without problems, without GST
 * @param estimatedGst GST on those lines at today's rates; the invoice fixes it at checkout
 * @param notices what the last merge of a guest cart could not keep, until the next change
 */
public record CartView(Long id, long version, String cartToken, List<Line> items, int itemCount, Money subtotal,
        Money estimatedGst, Money total, boolean checkoutReady, List<Notice> notices) {

    /** A line: quantity in the product's base {@code unit}; prices tax-exclusive, null when it cannot be priced. */
    public record Line(long itemId, long productId, String sku, String name, String unit, long quantity,
            Money unitPrice, Money lineTotal, BigDecimal gstRate, Money gstAmount, Stock stock,
            List<Problem> problems) {
    }

    /**
     * Whether the line can be supplied now: {@code IN_STOCK} (all of it), {@code INSUFFICIENT_STOCK}
     * (some) or {@code OUT_OF_STOCK}; {@code available} in base units.
     */
    public record Stock(String status, long available) {
    }

    /** Why a line cannot be checked out as it is, with a stable code. */
    public record Problem(String code, String message) {
    }

    /** Something a merge of a guest cart changed or left out. */
    public record Notice(long productId, String code, String message) {
    }

    static CartView empty() {
        return new CartView(null, 0, null, List.of(), 0, Money.ZERO, Money.ZERO, Money.ZERO, false, List.of());
    }

    static CartView of(Cart cart, Shelf shelf, GuestToken newToken) {
        List<Line> lines = cart.items().stream().map(item -> line(item, shelf)).toList();
        Money subtotal = Money.ZERO;
        Money gst = Money.ZERO;
        for (Line line : lines) {
            if (line.problems().isEmpty()) {
                subtotal = subtotal.plus(line.lineTotal());
                gst = gst.plus(line.gstAmount());
            }
        }
        boolean ready = !lines.isEmpty() && lines.stream().allMatch(line -> line.problems().isEmpty());
        return new CartView(cart.id(), cart.version(), newToken == null ? null : newToken.value(), lines,
                lines.size(), subtotal, gst, subtotal.plus(gst), ready,
                cart.notices().stream().map(n -> new Notice(n.productId(), n.code(), n.message())).toList());
    }

    private static Line line(CartItem item, Shelf shelf) {
        long quantity = item.quantity();
        Offer offer = shelf.offer(item.productId()).orElse(null);
        if (offer == null) {
            return new Line(item.id(), item.productId(), null, null, null, quantity, null, null, null, null,
                    new Stock("OUT_OF_STOCK", 0), List.of(new Problem("catalog.product-unavailable",
                            "This product is no longer sold; remove it from the cart.")));
        }
        List<Problem> problems = new ArrayList<>();
        PriceQuote quote = null;
        Check check = offer.ordering().accepts(quantity);
        if (!check.accepted()) {
            problems.add(new Problem(check.code(), check.reason()));
        } else if (offer.gstRate() == null) {
            problems.add(new Problem("catalog.gst-rate-unknown", "This product cannot be priced today."));
        } else {
            quote = offer.quote(quantity);
        }
        long available = shelf.available(offer.sku());
        Stock stock = new Stock(available >= quantity ? "IN_STOCK"
                : available >= offer.ordering().minimum() ? "INSUFFICIENT_STOCK" : "OUT_OF_STOCK", available);
        if (available < quantity) {
            problems.add(new Problem("inventory.insufficient-stock",
                    "Only " + available + " " + offer.unit() + " in stock."));
        }
        return new Line(item.id(), item.productId(), offer.sku(), offer.name(), offer.unit(), quantity,
                quote == null ? null : quote.unitPrice(), quote == null ? null : quote.lineTotal(),
                quote == null ? null : quote.gstRate(), quote == null ? null : quote.gstAmount(), stock,
                List.copyOf(problems));
    }
}
