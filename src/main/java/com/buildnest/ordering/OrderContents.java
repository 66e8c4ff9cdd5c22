package com.buildnest.ordering;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.Money;

/**
 * What an order sold, for modules that report on sales (analytics): read-only, one order at a
 * time, in two statements (the order, then its lines) however many lines it has.
 */
@Service
public class OrderContents {

    private final OrderRepository orders;

    OrderContents(OrderRepository orders) {
        this.orders = orders;
    }

    /**
     * One line of an order as sold.
     *
     * @param quantity in the product's base unit
     * @param value what the buyer paid for the line: its taxable value plus its GST
     */
    public record Line(long productId, String sku, String name, long quantity, Money value) {
    }

    /** The lines of an order, in the order's own order; none when there is no such order. */
    @Transactional(readOnly = true)
    public List<Line> linesOf(String orderNumber) {
        return orders.findByOrderNumber(orderNumber).map(order -> order.lines().stream()
                .map(line -> new Line(line.productId(), line.sku(), line.name(), line.quantity(), line.tax().total()))
                .toList()).orElse(List.of());
    }
}
