package com.buildnest.ordering;

import java.time.Instant;

import com.buildnest.shared.Money;

/** An order in a list: enough to recognise it and see where it stands. */
public record OrderSummary(String orderNumber, OrderStatus status, Instant placedAt, int lineCount, Money total,
        String city, String pinCode) {

    static OrderSummary of(Order order) {
        return new OrderSummary(order.orderNumber(), order.status(), order.placedAt(), order.lines().size(),
                order.total(), order.address().city(), order.address().pinCode());
    }
}
