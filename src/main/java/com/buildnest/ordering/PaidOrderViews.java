package com.buildnest.ordering;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Hands the view of an order paid by the payment's listener ({@link OrderPayments}) to the verify
 * call that settled the payment on the same thread, so that call answers from the order it just
 * paid instead of reading it again in a transaction of its own. Only a call that asked for it
 * ({@link #catching}) receives anything; on every other thread (a webhook, the reconciliation) the
 * listener builds no view. A view is caught inside the payment's transaction but only used after
 * {@code catching}'s work returned, i.e. after that transaction committed; when the work throws,
 * the view is dropped.
 */
@Component
class PaidOrderViews {

    private record Paid(long accountId, OrderView view) {
    }

    private final ThreadLocal<Map<String, Paid>> caught = new ThreadLocal<>();

    /** The result of the work, with the views of the orders it paid on this thread. */
    record Caught<T>(T result, Map<String, Paid> paid) {

        /** The order paid during the work, if it was this account's. */
        Optional<OrderView> paidOrder(String orderNumber, long accountId) {
            return Optional.ofNullable(paid.get(orderNumber)).filter(found -> found.accountId() == accountId)
                    .map(Paid::view);
        }
    }

    /** Runs {@code work}, catching the views of the orders it pays on this thread. */
    <T> Caught<T> catching(Supplier<T> work) {
        Map<String, Paid> paid = new HashMap<>();
        Map<String, Paid> outer = caught.get();
        caught.set(paid);
        try {
            return new Caught<>(work.get(), paid);
        } finally {
            if (outer == null) {
                caught.remove();
            } else {
                caught.set(outer);
            }
        }
    }

    /** Whether a call on this thread waits for the views of orders paid here. */
    boolean wanted() {
        return caught.get() != null;
    }

    /** The order is paid (not yet committed): kept for the call waiting on this thread, if any. */
    void paid(long accountId, OrderView view) {
        Map<String, Paid> paid = caught.get();
        if (paid != null) {
            paid.put(view.orderNumber(), new Paid(accountId, view));
        }
    }
}
