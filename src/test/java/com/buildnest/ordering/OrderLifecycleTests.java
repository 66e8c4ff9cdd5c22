package com.buildnest.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.buildnest.ordering.TaxSplit.Supply;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

class OrderLifecycleTests {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final long BUYER = 7;
    static final long STAFF = 2;
    static final Duration WEEK = Duration.ofDays(7);

    static Order cementOrder(String deliveryStateCode) {
        Supply supply = Supply.between("29", deliveryStateCode);
        OrderLine cement = new OrderLine(11, "CEM-UTR-OPC53-50", "UltraTech OPC 53 Grade Cement, 50 kg", "2523", "bag",
                100, Money.ofRupees("405.00"), Money.ofRupees("40500.00"), new BigDecimal("18.00"), supply);
        OrderLine tiles = new OrderLine(12, "TIL-KAJ-600", "Kajaria vitrified tile 600 x 600", "6907", "box",
                3, Money.ofRupees("1000.05"), Money.ofRupees("3000.15"), new BigDecimal("18.00"), supply);
        DeliveryAddress address = new DeliveryAddress("Ravi Kumar", "+919876543210", "12 MG Road", null, null,
                "Bengaluru", deliveryStateCode, deliveryStateCode.equals("29") ? "Karnataka" : "Maharashtra", "560001");
        return new Order("BN-261125-TEST0001", BUYER, List.of(cement, tiles), address, "29", null, 5_060_000,
                TaxSplit.on(Money.ofRupees("7689.00"), new BigDecimal("18"), supply), "9965",
                NOW.plusSeconds(900), NOW);
    }

    /** A paid order of {@link #cementOrder} that staff packed, shipped and delivered at {@link #NOW}. */
    static Order delivered() {
        Order order = cementOrder("29");
        order.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        order.invoiced("BN/26-27/000001");
        order.pack(STAFF, NOW);
        order.ship("VRL", "1", STAFF, NOW);
        order.deliver(STAFF, NOW);
        return order;
    }

    @Test
    void aNewOrderAddsUpGoodsDeliveryAndTaxToTheTotal() {
        Order order = cementOrder("29");

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.goods()).isEqualTo(Money.ofRupees("43500.15"));
        // CGST 9 %: 3645.00 + 270.01 (270.0135) + 692.01 (692.01) on delivery
        assertThat(order.cgst()).isEqualTo(order.sgst()).isEqualTo(Money.ofRupees("4607.02"));
        assertThat(order.igst()).isEqualTo(Money.ZERO);
        assertThat(order.total()).isEqualTo(Money.ofRupees("60403.19"));
    }

    @Test
    void deliveryToAnotherStateIsTaxedAsIgst() {
        Order order = cementOrder("27");

        assertThat(order.cgst()).isEqualTo(Money.ZERO);
        assertThat(order.igst()).isEqualTo(Money.ofRupees("9214.05"));
        assertThat(order.total()).isEqualTo(Money.ofRupees("60403.20"));
    }

    @Test
    void theHappyPathRecordsEveryStepWithWhoMadeIt() {
        Order order = cementOrder("29");

        assertThat(order.paid("pay_1", LocalDate.of(2026, 11, 25), NOW)).isTrue();
        order.invoiced("BN/26-27/000001");

        order.pack(STAFF, NOW);
        order.ship("VRL Logistics", "VRL123456", STAFF, NOW);
        order.deliver(STAFF, NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.history()).extracting(StatusChange::to).containsExactly(OrderStatus.PENDING_PAYMENT,
                OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        assertThat(order.history().get(2).actorId()).isEqualTo(STAFF);
        assertThat(order.trackingNumber()).isEqualTo("VRL123456");
    }

    @Test
    void aSecondCaptureOfTheSamePaymentChangesNothing() {
        Order order = cementOrder("29");
        order.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        order.invoiced("BN/26-27/000001");

        assertThat(order.paid("pay_1", LocalDate.of(2026, 11, 25), NOW)).isFalse();
        assertThat(order.invoiceNumber()).isEqualTo("BN/26-27/000001");
        assertThat(order.history()).hasSize(2);
    }

    @Test
    void anInvoiceNumberIsGivenOnlyToAPaidOrderAndNeverReplaced() {
        Order order = cementOrder("29");
        assertThatThrownBy(() -> order.invoiced("BN/26-27/000001")).isInstanceOf(IllegalStateException.class);
        assertThat(order.invoiceNumber()).isNull();

        order.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        order.invoiced("BN/26-27/000001");

        assertThatThrownBy(() -> order.invoiced("BN/26-27/000002")).isInstanceOf(IllegalStateException.class);
        assertThat(order.invoiceNumber()).isEqualTo("BN/26-27/000001");
        assertThat(order.invoicedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void aLateFailureNeverUndoesAPayment() {
        Order order = cementOrder("29");
        order.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        order.invoiced("BN/26-27/000001");

        assertThat(order.paymentFailed("card declined", NOW)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aFailedPaymentCanBeFollowedByASuccessfulOne() {
        Order order = cementOrder("29");
        order.paymentFailed("card declined", NOW);

        assertThat(order.paid("pay_2", LocalDate.of(2026, 11, 25), NOW)).isTrue();
        order.invoiced("BN/26-27/000001");

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void illegalMovesAreRefusedAndChangeNothing() {
        Order order = cementOrder("29");

        assertThatThrownBy(() -> order.ship("VRL", "1", STAFF, NOW)).isInstanceOfSatisfying(
                BusinessRuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("order.illegal-transition");
                    assertThat(refused.kind()).isEqualTo(BusinessRuleViolation.Kind.CONFLICT);
                });
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.history()).hasSize(1);
    }

    @Test
    void theCustomerCannotCancelOnceShippedButAPaidCancellationOwesTheWholeTotal() {
        Order shipped = cementOrder("29");
        shipped.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        shipped.invoiced("BN/26-27/000001");
        shipped.pack(STAFF, NOW);
        shipped.ship("VRL", "1", STAFF, NOW);
        assertThatThrownBy(() -> shipped.cancel(BUYER, true, "changed my mind", NOW))
                .isInstanceOf(BusinessRuleViolation.class);

        Order paid = cementOrder("29");
        paid.paid("pay_2", LocalDate.of(2026, 11, 25), NOW);
        paid.invoiced("BN/26-27/000002");
        paid.cancel(BUYER, true, "changed my mind", NOW);
        assertThat(paid.refundOwed()).isEqualTo(paid.total());

        Order unpaid = cementOrder("29");
        unpaid.cancel(BUYER, true, "changed my mind", NOW);
        assertThat(unpaid.refundOwed()).isEqualTo(Money.ZERO);
    }

    @Test
    void refundsAddUpAndNeverExceedWhatWasPaid() {
        Order order = delivered();

        order.requireRefundable(Money.ofRupees("1000.00"));
        order.refunded(Money.ofRupees("1000.00"), NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThatThrownBy(() -> order.requireRefundable(order.total())).isInstanceOfSatisfying(
                BusinessRuleViolation.class, refused -> assertThat(refused.code()).isEqualTo("order.refund-too-large"));

        order.refunded(order.refundable(), NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.refundable()).isEqualTo(Money.ZERO);
    }

    @Test
    void aCancelledPaidOrderIsRefundedWhenTheWholeAmountIsBack() {
        Order order = cementOrder("29");
        order.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        order.invoiced("BN/26-27/000001");
        order.cancel(STAFF, false, "out of delivery range after all", NOW);
        String key = order.nextOwedRefundKey();

        order.refunded(Money.ofRupees("100.00"), NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.nextOwedRefundKey()).isNotEqualTo(key);

        order.refunded(order.refundable(), NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.refundOwed()).isEqualTo(Money.ZERO);
    }

    @Test
    void aPaymentThatArrivesAfterExpiryIsOwedBackAndLeavesTheOrderAlone() {
        Order order = cementOrder("29");
        order.expire(NOW);

        order.capturedTooLate("pay_9", order.total(), NOW);
        assertThat(order.refundOwed()).isEqualTo(order.total());
        order.refunded(order.total(), NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.refundOwed()).isEqualTo(Money.ZERO);
        assertThat(order.refunded()).isEqualTo(Money.ZERO);
    }

    @Test
    void aRefundMadeAtTheGatewayWhileTheOrderTravelsIsNotedNotRefused() {
        Order order = cementOrder("29");
        order.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        order.invoiced("BN/26-27/000001");
        order.pack(STAFF, NOW);
        order.ship("VRL", "1", STAFF, NOW);

        order.refunded(Money.ofRupees("50.00"), NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.refunded()).isEqualTo(Money.ofRupees("50.00"));
    }

    @Test
    void onlyAnUnpaidOrderExpires() {
        Order unpaid = cementOrder("29");
        Order paid = cementOrder("29");
        paid.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        paid.invoiced("BN/26-27/000001");

        assertThat(unpaid.expire(NOW)).isTrue();
        assertThat(unpaid.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(paid.expire(NOW)).isFalse();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }
    @Test
    void aReturnAskedForWithinTheWindowOwesTheWholeAmountOnceTheGoodsAreBack() {
        Order order = delivered();

        assertThat(order.requestReturn(BUYER, "wrong grade", WEEK, NOW.plus(WEEK))).isTrue();
        assertThat(order.refundOwed()).as("nothing is owed before the goods are back").isEqualTo(Money.ZERO);
        assertThat(order.receiveReturn(STAFF, NOW.plus(WEEK))).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(order.refundOwed()).isEqualTo(order.total());
        assertThat(order.history()).extracting(StatusChange::to).endsWith(OrderStatus.DELIVERED,
                OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED);
        assertThat(order.history().get(5).actorId()).isEqualTo(BUYER);
        assertThat(order.history().get(5).note()).isEqualTo("wrong grade");

        order.refunded(order.refundOwed(), NOW.plus(WEEK));
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.refundOwed()).isEqualTo(Money.ZERO);
    }

    @Test
    void aReturnAskedForAMomentAfterTheWindowIsRefusedAndChangesNothing() {
        Order order = delivered();

        assertThatThrownBy(() -> order.requestReturn(BUYER, "late", WEEK, NOW.plus(WEEK).plusMillis(1)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("order.return-window-closed");
                    assertThat(refused.getMessage()).contains("delivered on 2026-11-25", "7 days");
                });
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.history()).hasSize(5);
    }

    @Test
    void onlyADeliveredOrderCanBeAskedBack() {
        Order paid = cementOrder("29");
        paid.paid("pay_1", LocalDate.of(2026, 11, 25), NOW);
        paid.invoiced("BN/26-27/000001");

        assertThatThrownBy(() -> paid.requestReturn(BUYER, "changed my mind", WEEK, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("order.illegal-transition"));
        assertThatThrownBy(() -> paid.receiveReturn(STAFF, NOW)).isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> paid.rejectReturn(STAFF, "no", NOW)).isInstanceOf(BusinessRuleViolation.class);
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.history()).hasSize(2);
    }

    @Test
    void repeatedReturnStepsChangeNothing() {
        Order order = delivered();
        order.requestReturn(BUYER, "wrong grade", WEEK, NOW);

        assertThat(order.requestReturn(BUYER, "asked twice", WEEK, NOW)).isFalse();
        order.receiveReturn(STAFF, NOW);
        assertThat(order.receiveReturn(STAFF, NOW)).isFalse();
        order.refunded(order.total(), NOW);
        assertThat(order.receiveReturn(STAFF, NOW)).as("even once refunded").isFalse();

        assertThat(order.history()).extracting(StatusChange::to).containsOnlyOnce(OrderStatus.RETURN_REQUESTED,
                OrderStatus.RETURNED);
        assertThat(order.refundOwed()).isEqualTo(Money.ZERO);
    }

    @Test
    void aRejectedReturnDeliversTheOrderAgainAndIsFinal() {
        Order order = delivered();
        order.requestReturn(BUYER, "wrong grade", WEEK, NOW);

        assertThat(order.rejectReturn(STAFF, "opened bags", NOW)).isTrue();
        assertThat(order.rejectReturn(STAFF, "opened bags", NOW)).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.deliveredAt()).as("the window still runs from the first delivery").isEqualTo(NOW);
        assertThatThrownBy(() -> order.requestReturn(BUYER, "once more", WEEK, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("order.return-rejected"));
        assertThat(order.history()).hasSize(7);
        assertThat(order.refundOwed()).isEqualTo(Money.ZERO);
    }
}
