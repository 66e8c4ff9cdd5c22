package com.buildnest.datagen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.buildnest.ordering.OrderStatus;

/** What the steps made so far, for later steps to refer to: products, accounts, orders. */
final class GeneratedData {

    /**
     * A generated product as other modules know it: by id and SKU, ordered in its base unit, with
     * what an order copies from it (name, HSN code, unit, weight per base unit) and its tier prices
     * ({@code {minimum quantity, unit price}}, the first at the minimum order).
     */
    record Product(long id, String sku, String name, String hsnCode, String unit, long weightGrams,
            long minimumOrder, long orderStep, long maximumOrder, long pricePaise, boolean active,
            List<long[]> tiers) {

        /** The unit price a quantity pays: the tier with the largest minimum it reaches. */
        long unitPriceFor(long quantity) {
            long price = pricePaise;
            for (long[] tier : tiers) {
                if (quantity >= tier[0]) {
                    price = tier[1];
                }
            }
            return price;
        }
    }

    /** A generated account, whether it may sign in, and its addresses (the first is the default). */
    record Account(long id, boolean enabled, List<Address> addresses) {

        List<Long> addressIds() {
            return addresses.stream().map(Address::id).toList();
        }
    }

    /** An address as an order copies it: the place of supply is its state's GST code. */
    record Address(long id, String recipientName, String phone, String line1, String line2, String landmark,
            String city, String stateGstCode, String stateName, String pinCode, String gstin) {
    }

    /**
     * A generated order as the modules after the ordering step see it: what it sold, what was paid
     * and refunded when, what became of its stock, and where it ended.
     *
     * @param paidAt when the payment was captured (null: never paid)
     * @param failedAt when a payment attempt failed (null: none failed)
     * @param soldAt when the reserved stock became a sale (the payment), null if never
     * @param releasedAt when the reservation was released unsold (an unpaid order cancelled), null if not
     * @param restockedAt when sold goods came back on the shelf (a paid order cancelled, a return received)
     * @param deliveredAt first delivery, null if not (yet) delivered
     * @param cancelledAt when it was cancelled, null if not
     * @param statusAt the time of its last move
     */
    record Order(String number, long accountId, OrderStatus status, Instant placedAt, Instant reservationExpiresAt,
            long totalPaise, List<Line> lines, String gatewayOrderId, String gatewayPaymentId, String failureReason,
            Instant failedAt, Instant paidAt, Instant soldAt, Instant releasedAt, Instant restockedAt,
            String restockReason, Instant deliveredAt, Instant cancelledAt, List<Refund> refunds, Instant statusAt) {

        long refundedPaise() {
            return refunds.stream().mapToLong(Refund::amountPaise).sum();
        }
    }

    /** One line of an order: {@code valuePaise} is what the buyer paid for it, taxable value plus GST. */
    record Line(long productId, String sku, String name, long quantity, long valuePaise) {
    }

    /** A refund the gateway made; {@code idempotencyKey} as the ordering module would send it. */
    record Refund(long amountPaise, Instant at, String gatewayRefundId, String idempotencyKey) {
    }

    final List<Product> products = new ArrayList<>();
    final List<Account> accounts = new ArrayList<>();
    /** The generated accounts that also have the STAFF role, who make the staff's moves of orders. */
    final List<Long> staffAccountIds = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
}
