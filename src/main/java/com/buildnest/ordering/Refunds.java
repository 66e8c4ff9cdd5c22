package com.buildnest.ordering;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.buildnest.payment.PaymentGatewayUnavailable;
import com.buildnest.payment.Payments;
import com.buildnest.payment.RefundReceipt;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Gives back what orders owe (a paid order cancelled, a payment that arrived too late): right after
 * the cancellation, and again on a schedule until the gateway has taken every such refund. Each
 * request carries the order's stable refund key, so a retry after a timeout never refunds twice.
 * The gateway's answer reaches the order through {@link OrderPayments}.
 */
@Component
public class Refunds {

    static final String LOCK = "ordering-owed-refunds";
    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final int BATCH = 50;

    private final OrderRepository orders;
    private final Payments payments;
    /** Orders whose refused refund was logged within the hour. */
    private final Cache<String, Boolean> refusalsSaid = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(10_000)
            .build();

    Refunds(OrderRepository orders, Payments payments) {
        this.orders = orders;
        this.payments = payments;
    }

    /**
     * A refund staff give (goods returned, a damaged box): checked against what the order still
     * allows, then asked of the gateway under the staff's idempotency key, so a double click refunds
     * once. The order follows when the gateway's answer arrives ({@link OrderPayments}).
     */
    public RefundReceipt refund(String orderNumber, Money amount, String idempotencyKey) {
        orders.findByOrderNumber(orderNumber).orElseThrow(() -> Orders.notFound(orderNumber)).requireRefundable(amount);
        return payments.refund(orderNumber, amount, "staff:" + idempotencyKey);
    }

    /** Asks the gateway for what the order owes, if anything; false when it must be tried again later. */
    public boolean payOwed(String orderNumber) {
        Order order = orders.findByOrderNumber(orderNumber).orElseThrow();
        Money owed = order.refundOwed();
        if (owed.paise() == 0) {
            return true;
        }
        try {
            payments.refund(orderNumber, owed, order.nextOwedRefundKey());
            return true;
        } catch (PaymentGatewayUnavailable unavailable) {
            log.warn("Refund of {} for order {} must wait: {}", owed, orderNumber, unavailable.getMessage());
            return false;
        } catch (BusinessRuleViolation refused) {
            // asked again on every run, so said at most hourly; the gauges of OwedRefundsGauge page someone
            if (refusalsSaid.asMap().putIfAbsent(orderNumber, Boolean.TRUE) == null) {
                log.error("Refund of {} for order {} was refused ({}): it needs a person (asked again every run, "
                        + "said again at most hourly)", owed, orderNumber, refused.code());
            } else {
                log.debug("Refund of {} for order {} refused again ({})", owed, orderNumber, refused.code());
            }
            return false;
        }
    }

    @Scheduled(fixedDelayString = "${buildnest.ordering.expire-every:30s}", initialDelayString = "${buildnest.ordering.expire-every:30s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "5m")
    void payEverythingOwed() {
        List<String> owing = orders.findOwingRefunds(PageRequest.of(0, BATCH));
        owing.forEach(this::payOwed);
    }
}
