package com.buildnest.ordering;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.buildnest.customer.CustomerContacts;
import com.buildnest.notification.Outbox;

/**
 * Tells the customer what happened to their order: paid (with the invoice), shipped, delivered,
 * cancelled, refunded, or a payment that failed. Queued in the transaction of the change, so a
 * mail goes out exactly when the change commits (the notification module's outbox).
 */
@Component
class OrderMail {

    private static final Map<OrderStatus, String> NEWS = Map.of(
            OrderStatus.PAID, "is paid. Your GST tax invoice is in your account.",
            OrderStatus.PAYMENT_FAILED, "could not be paid. You can try again until the reservation ends.",
            OrderStatus.SHIPPED, "has left our warehouse.",
            OrderStatus.DELIVERED, "has been delivered.",
            OrderStatus.CANCELLED, "has been cancelled. Any amount you paid is being refunded.",
            OrderStatus.PARTIALLY_REFUNDED, "has been partly refunded.",
            OrderStatus.REFUNDED, "has been refunded in full.");

    private final CustomerContacts contacts;
    private final Outbox outbox;

    OrderMail(CustomerContacts contacts, Outbox outbox) {
        this.contacts = contacts;
        this.outbox = outbox;
    }

    @EventListener
    void on(OrderStatusChanged change) {
        String news = NEWS.get(change.to());
        if (news == null || change.to() == change.from()) {
            return;
        }
        contacts.contactOf(change.accountId()).ifPresent(contact -> outbox.queue(contact.email(),
                "BuildNest order " + change.orderNumber() + ": " + change.to().name().toLowerCase().replace('_', ' '),
                """
                Dear %s,

                Your order %s of %s %s%s

                See it at any time under My orders.

                BuildNest""".formatted(contact.name(), change.orderNumber(), change.total(), news,
                        change.note() == null || change.to() != OrderStatus.CANCELLED ? "" : "\nReason: " + change.note())));
    }
}
