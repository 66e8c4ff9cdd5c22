package com.buildnest.ordering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.buildnest.shared.Money;

/**
 * An order as its owner and staff see it: lines with their tax, the totals, where it goes, how it
 * is paid and its history.
 */
public record OrderView(String orderNumber, OrderStatus status, Instant placedAt, Instant reservationExpiresAt,
        List<Line> lines, Totals totals, Address shippingAddress, String placeOfSupply, String supply,
        String billingGstin, Payment payment, Invoice invoice, Shipment shipment, List<Step> history,
        Instant returnableUntil) {

    /** Whether the customer may ask to return the order at {@code now}: delivered, within the return window. */
    public boolean returnableAt(Instant now) {
        return returnableUntil != null && now.isBefore(returnableUntil);
    }

    public record Line(long productId, String sku, String name, String hsnCode, String unit, long quantity, Money unitPrice,
            Money taxableValue, BigDecimal gstRate, Money cgst, Money sgst, Money igst, Money lineTotal) {
    }

    public record Totals(Money goods, Money delivery, Money cgst, Money sgst, Money igst, Money tax, Money total,
            Money refunded, long weightGrams) {

        static Totals of(Order order) {
            return new Totals(order.goods(), order.deliveryTax().taxable(), order.cgst(), order.sgst(), order.igst(),
                    order.cgst().plus(order.sgst()).plus(order.igst()), order.total(), order.refunded(),
                    order.weightGrams());
        }
    }

    public record Address(String recipientName, String phone, String line1, String line2, String landmark, String city,
            String state, String pinCode) {
    }

    public record Payment(String gateway, String gatewayOrderId, String paymentId) {
    }

    public record Invoice(String number, LocalDate date, String url) {
    }

    public record Shipment(String carrier, String trackingNumber) {
    }

    public record Step(OrderStatus status, Instant at, String note) {
    }

    static OrderView of(Order order, Duration returnWindow) {
        List<Line> lines = order.lines().stream().map(line -> {
            TaxSplit tax = line.tax();
            return new Line(line.productId(), line.sku(), line.name(), line.hsnCode(), line.unit(), line.quantity(),
                    line.unitPrice(), tax.taxable(), tax.rate(), tax.cgst(), tax.sgst(), tax.igst(), tax.total());
        }).toList();
        DeliveryAddress to = order.address();
        return new OrderView(order.orderNumber(), order.status(), order.placedAt(),
                order.awaitsPayment() ? order.reservationExpiresAt() : null, lines,
                Totals.of(order),
                new Address(to.recipientName(), to.phone(), to.line1(), to.line2(), to.landmark(), to.city(),
                        to.stateName(), to.pinCode()),
                to.stateName() + " (" + to.stateCode() + ")", order.supply().name(), order.billingGstin(),
                order.gatewayOrderId() == null ? null
                        : new Payment(order.paymentGateway(), order.gatewayOrderId(), order.gatewayPaymentId()),
                order.invoiceNumber() == null ? null : new Invoice(order.invoiceNumber(), order.invoicedOn(),
                        "/api/orders/" + order.orderNumber() + "/invoice"),
                order.carrier() == null ? null : new Shipment(order.carrier(), order.trackingNumber()),
                order.history().stream().map(step -> new Step(step.to(), step.at(), step.note())).toList(),
                order.returnableUntil(returnWindow));
    }
}
