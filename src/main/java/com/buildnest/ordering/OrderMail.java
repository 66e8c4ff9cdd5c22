package com.buildnest.ordering;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.buildnest.customer.CustomerContacts;
import com.buildnest.notification.Outbox;

/**
 * Tells the customer what happened to their order: paid (with the invoice), shipped, delivered,
 * cancelled, refunded, a payment that failed, and each step of a return. Queued in the transaction
 * of the change, so a mail goes out exactly when the change commits (the notification module's outbox).
 */
@Component
class OrderMail {

    private static final Map<OrderStatus, String> NEWS = Map.of(
            OrderStatus.PAID, "is paid. Your GST tax invoice is in your account.",
            OrderStatus.PAYMENT_FAILED, "could not be paid. You can try again until the reservation ends.",
            OrderStatus.SHIPPED, "has left our warehouse.",
            OrderStatus.DELIVERED, "has been delivered.",
            OrderStatus.RETURN_REQUESTED, "is to come back: we have your return request and will arrange collection.",
            OrderStatus.RETURNED, "has come back to us. The amount you paid is being refunded.",
            OrderStatus.CANCELLED, "has been cancelled. Any amount you paid is being refunded.",
            OrderStatus.PARTIALLY_REFUNDED, "has been partly refunded.",
            OrderStatus.REFUNDED, "has been refunded in full.");

    private static final String RETURN_REJECTED = "stays with you: we could not accept its return.";

    private final CustomerContacts contacts;
    private final Outbox outbox;

    OrderMail(CustomerContacts contacts, Outbox outbox) {
        this.contacts = contacts;
        this.outbox = outbox;
    }

    @EventListener
    void on(OrderStatusChanged change) {
        boolean rejected = change.from() == OrderStatus.RETURN_REQUESTED && change.to() == OrderStatus.DELIVERED;
        String news = rejected ? RETURN_REJECTED : NEWS.get(change.to());
        if (news == null || change.to() == change.from()) {
            return;
        }
        String subject = rejected ? "return not accepted" : change.to().name().toLowerCase().replace('_', ' ');
        boolean withReason = change.note() != null && (rejected || change.to() == OrderStatus.CANCELLED);
        contacts.contactOf(change.accountId()).ifPresent(contact -> outbox.queue(contact.email(),
                "BuildNest order " + change.orderNumber() + ": " + subject,
                """
                Dear %s,

                Your order %s of %s %s%s

                See it at any time under My orders.

                BuildNest""".formatted(contact.name(), change.orderNumber(), change.total(), news,
                        withReason ? "\nReason: " + change.note() : "")));
    }
}
