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
 * given back of it, on the day of the refund. {@code byStatus} counts the orders placed in the
 * range by where they are now; {@code topProducts} ranks what the paid orders sold by revenue.
 */
record Dashboard(LocalDate from, LocalDate to, String currency, Totals totals, List<Day> days,
        Map<OrderStatus, Long> byStatus, List<TopProduct> topProducts) {

    /** @param averageOrderValue revenue per paid order, rounded half up to the paisa; zero without orders */
    record Totals(long orders, Money revenue, Money refunds, Money averageOrderValue) {

        static Totals of(List<Day> days) {
            long orders = days.stream().mapToLong(Day::orders).sum();
            Money revenue = days.stream().map(Day::revenue).reduce(Money.ZERO, Money::plus);
            Money refunds = days.stream().map(Day::refunds).reduce(Money.ZERO, Money::plus);
            Money average = orders == 0 ? Money.ZERO : Money.ofPaise(BigDecimal.valueOf(revenue.paise())
                    .divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_UP).longValueExact());
            return new Totals(orders, revenue, refunds, average);
        }
    }

    /** @param orders the orders paid that day */
    record Day(LocalDate day, long orders, Money revenue, Money refunds) {
    }

    /** @param revenue what the paid orders' lines of the product came to, GST included */
    record TopProduct(long productId, String sku, String name, long quantity, Money revenue) {
    }
}
