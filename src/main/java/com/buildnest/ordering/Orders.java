package com.buildnest.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.inventory.Inventory;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Orders after checkout: what their owners and staff may read, and the moves they make (pack,
 * ship, deliver, cancel, and a return asked for, received or rejected). Each move locks the order, asks the order itself whether it may happen, and
 * publishes {@link OrderStatusChanged} in the same transaction.
 */
@Service
public class Orders {

    static final int MAX_PAGE_SIZE = 100;

    private final OrderRepository orders;
    private final Inventory inventory;
    private final OrderingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Orders(OrderRepository orders, Inventory inventory, OrderingProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.inventory = inventory;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<OrderSummary> ofCustomer(long accountId, int page, int size) {
        return orders.findByAccountIdOrderByPlacedAtDesc(accountId, PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE)))
                .map(OrderSummary::of);
    }

    /** The customer's own order; another customer's is not found, exactly like one that does not exist. */
    @Transactional(readOnly = true)
    public OrderView ofCustomer(long accountId, String orderNumber) {
        return view(owned(accountId, orderNumber));
    }

    @Transactional(readOnly = true)
    public byte[] invoiceOf(long accountId, String orderNumber) {
        Order order = owned(accountId, orderNumber);
        if (order.invoiceNumber() == null) {
            throw BusinessRuleViolation.conflict("order.not-invoiced",
                    "Order " + orderNumber + " has no tax invoice: it has not been paid.");
        }
        return InvoicePdf.render(order, properties.seller());
    }

    @Transactional(readOnly = true)
    Page<OrderSummary> forStaff(OrderStatus status, int page, int size) {
        return forStaff(status, null, page, size);
    }

    /**
     * Every order for staff, newest first, narrowed to one status and/or one customer's account when
     * those are given (null: all). Each page costs three statements: the page, its count, its lines.
     */
    @Transactional(readOnly = true)
    public Page<OrderSummary> forStaff(OrderStatus status, Long accountId, int page, int size) {
        PageRequest request = PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE));
        Page<Order> found;
        if (accountId == null) {
            found = status == null ? orders.findAllByOrderByPlacedAtDesc(request)
                    : orders.findByStatusOrderByPlacedAtDesc(status, request);
        } else {
            found = status == null ? orders.findByAccountIdOrderByPlacedAtDesc(accountId, request)
                    : orders.findByAccountIdAndStatusOrderByPlacedAtDesc(accountId, status, request);
        }
        return found.map(OrderSummary::of);
    }

    /** Any order, as staff see it; one that does not exist is not found. */
    @Transactional(readOnly = true)
    public OrderView forStaff(String orderNumber) {
        return view(orders.findByOrderNumber(orderNumber).orElseThrow(() -> notFound(orderNumber)));
    }

    /**
     * The account that placed an order, for staff to open the customer (every order is placed by a
     * signed-in account: checkout has no guest path); one that does not exist is not found.
     */
    @Transactional(readOnly = true)
    public long placedBy(String orderNumber) {
        return orders.findAccountIdByOrderNumber(orderNumber).orElseThrow(() -> notFound(orderNumber));
    }

    @Transactional
    public OrderView pack(String orderNumber, long staffId) {
        return move(orderNumber, staffId, order -> order.pack(staffId, clock.instant()));
    }

    @Transactional
    public OrderView ship(String orderNumber, String carrier, String trackingNumber, long staffId) {
        return move(orderNumber, staffId, order -> order.ship(carrier, trackingNumber, staffId, clock.instant()));
    }

    @Transactional
    public OrderView deliver(String orderNumber, long staffId) {
        return move(orderNumber, staffId, order -> order.deliver(staffId, clock.instant()));
    }

    /**
     * Cancels an order: a customer their own, before it ships; staff any the state machine allows.
     * Stock still reserved is released; stock already sold goes back on the shelf. A paid order
     * then owes its buyer the money, which {@code Refunds} pays back once this commits.
     */
    @Transactional
    public OrderView cancel(String orderNumber, Long ownerAccountId, long actorId, String reason) {
        Order order = orders.lockByOrderNumber(orderNumber)
                .filter(found -> ownerAccountId == null || found.accountId() == ownerAccountId)
                .orElseThrow(() -> notFound(orderNumber));
        OrderStatus before = order.status();
        order.cancel(actorId, ownerAccountId != null, reason, clock.instant());
        published(order, before, actorId, reason);
        OrderView cancelled = view(order);
        // last: inventory's statements flush this order and then detach it from the session
        if (before == OrderStatus.PENDING_PAYMENT || before == OrderStatus.PAYMENT_FAILED) {
            inventory.release(orderNumber);
        } else {
            restock(cancelled, "order " + orderNumber + " cancelled", actorId);
        }
        return cancelled;
    }

    /**
     * The customer asks to return their own delivered order within the return window; asking again
     * while the request is open answers the order unchanged. Another customer's order is not found.
     *
     * @throws BusinessRuleViolation {@code order.return-window-closed} after the window,
     *         {@code order.return-rejected} when asked again after staff said no, or an illegal
     *         transition when the order is not delivered; nothing changes then
     */
    @Transactional
    public OrderView requestReturn(String orderNumber, long accountId, String reason) {
        Order order = orders.lockByOrderNumber(orderNumber).filter(found -> found.accountId() == accountId)
                .orElseThrow(() -> notFound(orderNumber));
        OrderStatus before = order.status();
        if (order.requestReturn(accountId, reason, properties.returnWindow(), clock.instant())) {
            published(order, before, accountId, reason);
        }
        return view(order);
    }

    /**
     * The goods of a return came back: every line goes back on the shelf with a ledger line, and the
     * order owes its buyer what was paid, which {@code Refunds} pays back once this commits. Receiving
     * the same return again changes nothing, so stock is never put back twice.
     */
    @Transactional
    public OrderView receiveReturn(String orderNumber, long staffId) {
        Order order = orders.lockByOrderNumber(orderNumber).orElseThrow(() -> notFound(orderNumber));
        OrderStatus before = order.status();
        if (!order.receiveReturn(staffId, clock.instant())) {
            return view(order);
        }
        published(order, before, staffId, "goods received back");
        OrderView returned = view(order);
        restock(returned, "return of order " + orderNumber, staffId); // last: it flushes and detaches the order
        return returned;
    }

    /** Staff turn a return request down: the order is delivered again and cannot be asked back a second time. */
    @Transactional
    public OrderView rejectReturn(String orderNumber, long staffId, String reason) {
        Order order = orders.lockByOrderNumber(orderNumber).orElseThrow(() -> notFound(orderNumber));
        OrderStatus before = order.status();
        if (order.rejectReturn(staffId, reason, clock.instant())) {
            published(order, before, staffId, reason);
        }
        return view(order);
    }

    /**
     * Cancels unpaid orders whose reservation ran out, at most {@code batchSize}; returns how many
     * it looked at. Each is locked and checked again, so a payment that arrived meanwhile wins.
     */
    @Transactional
    int expireOverdue(Instant now, int batchSize) {
        List<String> overdue = orders.findExpired(List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED),
                now, PageRequest.of(0, batchSize));
        for (String orderNumber : overdue) {
            Order order = orders.lockByOrderNumber(orderNumber).orElseThrow();
            OrderStatus before = order.status();
            if (order.expire(now)) {
                published(order, before, null, "reservation expired");
                inventory.release(orderNumber); // last: it flushes and detaches the order
            }
        }
        return overdue.size();
    }

    /** Puts every line of an order back on the shelf, each with a ledger line naming why. */
    private void restock(OrderView order, String reason, long actorId) {
        for (OrderView.Line line : order.lines()) {
            inventory.receive(line.sku(), line.quantity(), reason, actorId);
        }
    }

    Order owned(long accountId, String orderNumber) {
        return orders.findByOrderNumberAndAccountId(orderNumber, accountId).orElseThrow(() -> notFound(orderNumber));
    }

    private OrderView move(String orderNumber, Long actorId, Consumer<Order> change) {
        Order order = orders.lockByOrderNumber(orderNumber).orElseThrow(() -> notFound(orderNumber));
        OrderStatus before = order.status();
        change.accept(order);
        published(order, before, actorId, null);
        return view(order);
    }

    OrderView view(Order order) {
        return OrderView.of(order, properties.returnWindow());
    }

    void published(Order order, OrderStatus before, Long actorId, String note) {
        events.publishEvent(new OrderStatusChanged(order.orderNumber(), order.accountId(), before, order.status(),
                order.total(), order.refunded(), actorId, note, order.updatedAt()));
    }

    static BusinessRuleViolation notFound(String orderNumber) {
        return BusinessRuleViolation.notFound("order.not-found", "No order " + orderNumber + ".");
    }
}
