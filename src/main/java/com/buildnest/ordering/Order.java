package com.buildnest.ordering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import com.buildnest.ordering.TaxSplit.Supply;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;

/**
 * An order: what was bought, at what price and tax, delivered where, and where it is in its life.
 * Everything an invoice prints is copied onto the order when it is placed, so later changes to the
 * catalogue or the customer's address book never change it. Only the order moves its own status,
 * and only as {@link OrderStatus} allows; each move is kept in its history with who made it.
 */
@Entity
@Table(name = "ordering_order")
class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_number", nullable = false, unique = true, length = 20)
    private String orderNumber;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Supply supply;

    @Column(name = "seller_state_code", nullable = false, length = 2)
    private String sellerStateCode;

    @Embedded
    private DeliveryAddress address;

    @Column(name = "billing_gstin", length = 15)
    private String billingGstin;

    @Column(name = "weight_grams", nullable = false)
    private long weightGrams;

    @Column(name = "goods_paise", nullable = false)
    private long goodsPaise;

    @Column(name = "delivery_paise", nullable = false)
    private long deliveryPaise;

    @Column(name = "delivery_gst_rate", nullable = false, precision = 5, scale = 2)
    private BigDecimal deliveryGstRate;

    @Column(name = "delivery_sac", nullable = false, length = 8)
    private String deliverySac;

    @Column(name = "cgst_paise", nullable = false)
    private long cgstPaise;

    @Column(name = "sgst_paise", nullable = false)
    private long sgstPaise;

    @Column(name = "igst_paise", nullable = false)
    private long igstPaise;

    @Column(name = "total_paise", nullable = false)
    private long totalPaise;

    @Column(name = "refunded_paise", nullable = false)
    private long refundedPaise;

    /** Money to give back that has not yet been asked of the gateway (a paid order cancelled, a late payment). */
    @Column(name = "refund_owed_paise", nullable = false)
    private long refundOwedPaise;

    @Column(name = "refunds_settled", nullable = false)
    private int refundsSettled;

    @Column(name = "payment_gateway", length = 20)
    private String paymentGateway;

    @Column(name = "gateway_order_id", unique = true, length = 40)
    private String gatewayOrderId;

    @Column(name = "gateway_payment_id", length = 40)
    private String gatewayPaymentId;

    @Column(name = "invoice_number", unique = true, length = 16)
    private String invoiceNumber;

    @Column(name = "invoiced_on")
    private LocalDate invoicedOn;

    @Column(length = 60)
    private String carrier;

    @Column(name = "tracking_number", length = 60)
    private String trackingNumber;

    @Column(name = "reservation_expires_at", nullable = false)
    private Instant reservationExpiresAt;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ordering_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ordering_status_change", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<StatusChange> history = new ArrayList<>();

    protected Order() {
    }

    /**
     * A new order waiting for payment, with its stock reserved until {@code reservationExpiresAt}.
     * The delivery charge is taxed like a line of its own at {@code deliveryTax}'s rate.
     */
    Order(String orderNumber, long accountId, List<OrderLine> lines, DeliveryAddress address, String sellerStateCode,
            String billingGstin, long weightGrams, TaxSplit deliveryTax, String deliverySac,
            Instant reservationExpiresAt, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        this.orderNumber = orderNumber;
        this.accountId = accountId;
        this.lines = new ArrayList<>(lines);
        this.address = address;
        this.sellerStateCode = sellerStateCode;
        this.supply = Supply.between(sellerStateCode, address.stateCode());
        this.billingGstin = billingGstin;
        this.weightGrams = weightGrams;
        this.deliveryPaise = deliveryTax.taxable().paise();
        this.deliveryGstRate = deliveryTax.rate();
        this.deliverySac = deliverySac;
        Money goods = Money.ZERO;
        Money cgst = deliveryTax.cgst();
        Money sgst = deliveryTax.sgst();
        Money igst = deliveryTax.igst();
        for (OrderLine line : lines) {
            TaxSplit tax = line.tax();
            goods = goods.plus(tax.taxable());
            cgst = cgst.plus(tax.cgst());
            sgst = sgst.plus(tax.sgst());
            igst = igst.plus(tax.igst());
        }
        this.goodsPaise = goods.paise();
        this.cgstPaise = cgst.paise();
        this.sgstPaise = sgst.paise();
        this.igstPaise = igst.paise();
        this.totalPaise = goods.plus(deliveryTax.taxable()).plus(cgst).plus(sgst).plus(igst).paise();
        this.reservationExpiresAt = reservationExpiresAt;
        this.status = OrderStatus.PENDING_PAYMENT;
        this.placedAt = now;
        this.updatedAt = now;
        this.history.add(new StatusChange(null, OrderStatus.PENDING_PAYMENT, now, accountId, null));
    }

    /**
     * The payment was captured: the order is paid, invoiced on {@code invoicedOn}. Its invoice number
     * follows by {@link #invoiced} in the same transaction (the year's counter is taken last, just
     * before the commit). Idempotent for the same payment; returns false when nothing changed
     * (already paid, or moved on since).
     */
    boolean paid(String paymentId, LocalDate invoicedOn, Instant now) {
        if (status == OrderStatus.PAID || this.gatewayPaymentId != null) {
            return false;
        }
        move(OrderStatus.PAID, null, "payment " + paymentId, now);
        this.gatewayPaymentId = paymentId;
        this.invoicedOn = invoicedOn;
        return true;
    }

    /** Gives the paid order its tax invoice number, once: an invoice number is never replaced. */
    void invoiced(String invoiceNumber) {
        if (invoicedOn == null || this.invoiceNumber != null) {
            throw new IllegalStateException("Order " + orderNumber + " is not awaiting an invoice number");
        }
        this.invoiceNumber = invoiceNumber;
    }

    /** Whether a captured payment can still make this order paid (it may have been cancelled meanwhile). */
    boolean awaitsPayment() {
        return status == OrderStatus.PENDING_PAYMENT || status == OrderStatus.PAYMENT_FAILED;
    }

    /** A payment attempt failed; the buyer may still try again while the reservation lasts. */
    boolean paymentFailed(String reason, Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            return false; // already failed, or a success arrived first: a late failure changes nothing
        }
        move(OrderStatus.PAYMENT_FAILED, null, reason, now);
        return true;
    }

    void pack(long staffId, Instant now) {
        move(OrderStatus.PACKED, staffId, null, now);
    }

    void ship(String carrier, String trackingNumber, long staffId, Instant now) {
        move(OrderStatus.SHIPPED, staffId, carrier + " " + trackingNumber, now);
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
    }

    void deliver(long staffId, Instant now) {
        move(OrderStatus.DELIVERED, staffId, null, now);
    }

    /**
     * Cancels the order. The customer may cancel only before it ships; staff as the state machine
     * allows. A paid order then owes its buyer the whole amount ({@link #refundOwed()}).
     */
    void cancel(Long actorId, boolean byCustomer, String reason, Instant now) {
        if (byCustomer && !status.cancellableByCustomer()) {
            throw illegal(OrderStatus.CANCELLED);
        }
        move(OrderStatus.CANCELLED, actorId, reason, now);
        refundOwedPaise = refundable().paise();
    }

    /**
     * The customer asks to send a delivered order back (the whole order), at most {@code window}
     * after it was delivered. Asking again while the request is open changes nothing (false). A
     * return staff rejected is final: the order cannot be asked back a second time.
     */
    boolean requestReturn(long customerId, String reason, Duration window, Instant now) {
        if (status == OrderStatus.RETURN_REQUESTED) {
            return false;
        }
        if (status != OrderStatus.DELIVERED) {
            throw illegal(OrderStatus.RETURN_REQUESTED);
        }
        if (returnRejected()) {
            throw BusinessRuleViolation.conflict("order.return-rejected",
                    "A return of order " + orderNumber + " was already asked for and rejected.");
        }
        Instant deliveredAt = deliveredAt();
        if (now.isAfter(deliveredAt.plus(window))) {
            throw BusinessRuleViolation.conflict("order.return-window-closed", "Order " + orderNumber
                    + " was delivered on " + LocalDate.ofInstant(deliveredAt, IndianDay.ZONE)
                    + "; it could be returned for " + (window.toHoursPart() == 0 && window.toMinutesPart() == 0
                            ? window.toDays() + " days" : window.toMinutes() + " minutes") + " after delivery.");
        }
        move(OrderStatus.RETURN_REQUESTED, customerId, reason, now);
        return true;
    }

    /**
     * The goods of a return came back: the order owes its buyer everything paid and not yet refunded,
     * exactly like a paid order that is cancelled. A second receipt changes nothing (false).
     */
    boolean receiveReturn(long staffId, Instant now) {
        if (history.stream().anyMatch(step -> step.to() == OrderStatus.RETURNED)) {
            return false;
        }
        move(OrderStatus.RETURNED, staffId, "goods received back", now);
        refundOwedPaise = refundable().paise();
        return true;
    }

    /**
     * Staff turn down a return request: the order is delivered again, for good (see
     * {@link #requestReturn}). Rejecting an already rejected return changes nothing (false).
     */
    boolean rejectReturn(long staffId, String reason, Instant now) {
        if (status == OrderStatus.DELIVERED && returnRejected()) {
            return false;
        }
        if (status != OrderStatus.RETURN_REQUESTED) {
            throw BusinessRuleViolation.conflict("order.illegal-transition",
                    "Order " + orderNumber + " is " + status + ": there is no return request to reject.");
        }
        move(OrderStatus.DELIVERED, staffId, reason, now);
        return true;
    }

    /**
     * Until when the customer may still ask to return this order ({@link #requestReturn}): a delivered
     * order whose return was never rejected, up to {@code window} after delivery; otherwise null.
     */
    Instant returnableUntil(Duration window) {
        Instant deliveredAt = deliveredAt();
        return status == OrderStatus.DELIVERED && deliveredAt != null && !returnRejected() ? deliveredAt.plus(window)
                : null;
    }

    /** When the order was first delivered (a rejected return delivers it again; that does not count). */
    Instant deliveredAt() {
        return history.stream()
                .filter(step -> step.from() == OrderStatus.SHIPPED && step.to() == OrderStatus.DELIVERED)
                .map(StatusChange::at).findFirst().orElse(null);
    }

    private boolean returnRejected() {
        return history.stream().anyMatch(step -> step.from() == OrderStatus.RETURN_REQUESTED
                && step.to() == OrderStatus.DELIVERED);
    }

    /**
     * A payment was captured after the order stopped waiting for one (it was cancelled, or its
     * reservation ran out): the money is owed back. The order itself does not change.
     */
    void capturedTooLate(String paymentId, Money amount, Instant now) {
        refundOwedPaise = Math.addExact(refundOwedPaise, amount.paise());
        updatedAt = now;
        history.add(new StatusChange(status, status, now, null, "payment " + paymentId + " of " + amount
                + " arrived after the order was " + status + "; refund owed"));
    }

    /** An unpaid order whose reservation ran out: cancelled by the system. */
    boolean expire(Instant now) {
        if (!awaitsPayment()) {
            return false;
        }
        move(OrderStatus.CANCELLED, null, "reservation expired", now);
        return true;
    }

    /**
     * Refuses a refund staff ask for that the order's state or amount does not allow; changes nothing.
     */
    void requireRefundable(Money amount) {
        if (!status.mayBecome(OrderStatus.PARTIALLY_REFUNDED) && !status.mayBecome(OrderStatus.REFUNDED)) {
            throw illegal(OrderStatus.REFUNDED);
        }
        Money left = Money.ofPaise(refundable().paise() - refundOwedPaise);
        if (amount.paise() <= 0 || amount.compareTo(left) > 0) {
            throw BusinessRuleViolation.invalidField("order.refund-too-large", "amount",
                    "At most " + left + " of order " + orderNumber + " can still be refunded.");
        }
    }

    /**
     * The gateway refunded money of this order. A refund of the order's own payment moves it to
     * REFUNDED or PARTIALLY_REFUNDED (a cancelled order stays cancelled until the whole amount is
     * back); a refund of a late payment only settles what was owed. Never refuses: the money has
     * already gone back.
     */
    void refunded(Money amount, Instant now) {
        refundsSettled++;
        refundOwedPaise = Math.max(0, refundOwedPaise - amount.paise());
        if (gatewayPaymentId == null || amount.compareTo(refundable()) > 0) {
            updatedAt = now; // a late payment given back: the order's own money is untouched
            history.add(new StatusChange(status, status, now, null, "refunded " + amount));
            return;
        }
        refundedPaise = Math.addExact(refundedPaise, amount.paise());
        boolean full = refundedPaise == totalPaise;
        OrderStatus next = full ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        if (!status.mayBecome(next) || status == OrderStatus.CANCELLED && !full) {
            // a cancelled order refunded in instalments stays cancelled until the last one; a refund
            // made at the gateway's dashboard while the order is on its way is noted, not refused
            updatedAt = now;
            history.add(new StatusChange(status, status, now, null, "refunded " + amount));
            return;
        }
        move(next, null, "refunded " + amount, now);
    }

    /** What is owed back and not yet asked of the gateway. */
    Money refundOwed() {
        return Money.ofPaise(refundOwedPaise);
    }

    /**
     * The idempotency key of the next refund of what is owed: the same until that refund settles,
     * so a retry after a timeout can never refund twice.
     */
    String nextOwedRefundKey() {
        return orderNumber + "/refund-" + (refundsSettled + 1);
    }

    /** What has been paid and not yet given back. */
    Money refundable() {
        return gatewayPaymentId == null ? Money.ZERO : Money.ofPaise(totalPaise - refundedPaise);
    }

    private void move(OrderStatus next, Long actorId, String note, Instant now) {
        if (!status.mayBecome(next)) {
            throw illegal(next);
        }
        history.add(new StatusChange(status, next, now, actorId, note));
        status = next;
        updatedAt = now;
    }

    private BusinessRuleViolation illegal(OrderStatus next) {
        return BusinessRuleViolation.conflict("order.illegal-transition",
                "Order " + orderNumber + " is " + status + " and cannot become " + next + ".");
    }

    Long id() {
        return id;
    }

    String orderNumber() {
        return orderNumber;
    }

    long accountId() {
        return accountId;
    }

    OrderStatus status() {
        return status;
    }

    Supply supply() {
        return supply;
    }

    String sellerStateCode() {
        return sellerStateCode;
    }

    DeliveryAddress address() {
        return address;
    }

    String billingGstin() {
        return billingGstin;
    }

    long weightGrams() {
        return weightGrams;
    }

    List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    List<StatusChange> history() {
        return List.copyOf(history);
    }

    Money goods() {
        return Money.ofPaise(goodsPaise);
    }

    TaxSplit deliveryTax() {
        return TaxSplit.on(Money.ofPaise(deliveryPaise), deliveryGstRate, supply);
    }

    String deliverySac() {
        return deliverySac;
    }

    Money cgst() {
        return Money.ofPaise(cgstPaise);
    }

    Money sgst() {
        return Money.ofPaise(sgstPaise);
    }

    Money igst() {
        return Money.ofPaise(igstPaise);
    }

    Money total() {
        return Money.ofPaise(totalPaise);
    }

    Money refunded() {
        return Money.ofPaise(refundedPaise);
    }

    String paymentGateway() {
        return paymentGateway;
    }

    String gatewayOrderId() {
        return gatewayOrderId;
    }

    String gatewayPaymentId() {
        return gatewayPaymentId;
    }

    String invoiceNumber() {
        return invoiceNumber;
    }

    LocalDate invoicedOn() {
        return invoicedOn;
    }

    String carrier() {
        return carrier;
    }

    String trackingNumber() {
        return trackingNumber;
    }

    Instant reservationExpiresAt() {
        return reservationExpiresAt;
    }

    Instant placedAt() {
        return placedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
