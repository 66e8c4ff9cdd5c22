package com.buildnest.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.buildnest.ordering.OrderStatus;
import com.buildnest.shared.Money;

/**
 * Sales over a range of days (days in India, both ends included): every day of the range in
 * order, zero-filled. Revenue is what orders paid, on the day of payment; refunds are what was
 * given back of it, on the day of the refund; payment failures are the orders whose payment
 * failed, on the day it first failed. {@code byStatus} counts the orders placed in the range by
 * where they are now; {@code topProducts} and {@code topCategories} rank what the paid orders sold
 * by revenue.
 */
public record Dashboard(LocalDate from, LocalDate to, String currency, Totals totals, List<Day> days,
        Map<OrderStatus, Long> byStatus, List<TopProduct> topProducts, List<TopCategory> topCategories) {

    /**
     * @param averageOrderValue revenue per paid order, rounded half up to the paisa; zero without orders
     * @param paymentFailures the orders whose payment failed in the range
     */
    public record Totals(long orders, Money revenue, Money refunds, Money averageOrderValue, long paymentFailures) {

        static Totals of(List<Day> days) {
            long orders = days.stream().mapToLong(Day::orders).sum();
            Money revenue = days.stream().map(Day::revenue).reduce(Money.ZERO, Money::plus);
            Money refunds = days.stream().map(Day::refunds).reduce(Money.ZERO, Money::plus);
            Money average = orders == 0 ? Money.ZERO : Money.ofPaise(BigDecimal.valueOf(revenue.paise())
                    .divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_UP).longValueExact());
            return new Totals(orders, revenue, refunds, average, days.stream().mapToLong(Day::paymentFailures).sum());
        }
    }

    /**
     * @param orders the orders paid that day
     * @param paymentFailures the orders whose payment first failed that day
     */
    public record Day(LocalDate day, long orders, Money revenue, Money refunds, long paymentFailures) {
    }

    /** @param revenue what the paid orders' lines of the product came to, GST included */
    public record TopProduct(long productId, String sku, String name, long quantity, Money revenue) {
    }

    /**
     * @param categoryId the category the products are shelved in now; null for products no longer in
     *        the catalogue
     * @param revenue what the paid orders' lines of its products came to, GST included
     */
    public record TopCategory(Long categoryId, String name, Money revenue) {
    }

    /** Whether no order was paid, placed, refunded or failed in the range: nothing to draw. */
    public boolean empty() {
        return totals.orders() == 0 && totals.paymentFailures() == 0 && totals.refunds().paise() == 0
                && byStatus.values().stream().allMatch(count -> count == 0);
    }
}
