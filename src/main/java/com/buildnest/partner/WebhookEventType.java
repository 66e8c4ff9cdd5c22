package com.buildnest.partner;

import java.util.Arrays;
import java.util.Optional;

import com.buildnest.ordering.OrderStatus;

/** What a partner can subscribe to, by the name it sees in the payload and the X-BuildNest-Event header. */
enum WebhookEventType {
    ORDER_PAID("order.paid", OrderStatus.PAID),
    ORDER_SHIPPED("order.shipped", OrderStatus.SHIPPED),
    ORDER_DELIVERED("order.delivered", OrderStatus.DELIVERED),
    ORDER_CANCELLED("order.cancelled", OrderStatus.CANCELLED),
    ORDER_REFUNDED("order.refunded", OrderStatus.REFUNDED),
    ORDER_PARTIALLY_REFUNDED("order.partially_refunded", OrderStatus.PARTIALLY_REFUNDED),
    STOCK_LOW("stock.low", null),
    /** Sent only when an administrator asks for it, to every subscription whatever it wants. */
    PING("ping", null);

    private final String code;
    private final OrderStatus orderStatus;

    WebhookEventType(String code, OrderStatus orderStatus) {
        this.code = code;
        this.orderStatus = orderStatus;
    }

    String code() {
        return code;
    }

    /** The type a partner names in a subscription; {@code ping} is not one, every subscription gets it. */
    static Optional<WebhookEventType> subscribable(String code) {
        return Arrays.stream(values()).filter(type -> type != PING && type.code.equals(code)).findFirst();
    }

    /** The event of an order that reached {@code status}, if partners hear of it. */
    static Optional<WebhookEventType> forOrderStatus(OrderStatus status) {
        return Arrays.stream(values()).filter(type -> type.orderStatus != null && type.orderStatus == status)
                .findFirst();
    }
}
