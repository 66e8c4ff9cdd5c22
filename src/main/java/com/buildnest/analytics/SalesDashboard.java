package com.buildnest.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.analytics.Dashboard.Day;
import com.buildnest.analytics.Dashboard.TopProduct;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;

/**
 * Reads the sales facts for a range of days: four grouped queries, each by an indexed day range
 * of one table (the day of payment, of refund, of placing, of sale), whatever the range's size.
 */
@Service
class SalesDashboard {

    private final JdbcClient jdbc;
    private final AnalyticsProperties properties;
    private final Clock clock;

    SalesDashboard(JdbcClient jdbc, AnalyticsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The dashboard of {@code from} to {@code to}, both included; both null: the last days up to today. */
    @Transactional(readOnly = true)
    Dashboard of(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            to = IndianDay.today(clock);
            from = to.minusDays(properties.defaultDays() - 1L);
        }
        record Sales(long orders, long revenuePaise) {
        }
        Map<LocalDate, Sales> sales = new HashMap<>();
        jdbc.sql("""
                select paid_day, count(*), sum(total_paise) from analytics_order_fact
                where paid_day between :from and :to group by paid_day""")
                .param("from", from).param("to", to)
                .query(row -> {
                    sales.put(row.getObject(1, LocalDate.class), new Sales(row.getLong(2), row.getLong(3)));
                });
        Map<LocalDate, Long> refunds = new HashMap<>();
        jdbc.sql("""
                select refund_day, sum(amount_paise) from analytics_refund
                where refund_day between :from and :to group by refund_day""")
                .param("from", from).param("to", to)
                .query(row -> {
                    refunds.put(row.getObject(1, LocalDate.class), row.getLong(2));
                });
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Sales sold = sales.getOrDefault(day, new Sales(0, 0));
            days.add(new Day(day, sold.orders(), Money.ofPaise(sold.revenuePaise()),
                    Money.ofPaise(refunds.getOrDefault(day, 0L))));
        }
        return new Dashboard(from, to, Money.CURRENCY, Dashboard.Totals.of(days), days, byStatus(from, to),
                topProducts(from, to));
    }

    /** The orders placed in the range, by the status they have now; every status present. */
    private Map<OrderStatus, Long> byStatus(LocalDate from, LocalDate to) {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("""
                select status, count(*) from analytics_order_fact
                where placed_day between :from and :to group by status""")
                .param("from", from).param("to", to)
                .query(row -> {
                    counts.put(OrderStatus.valueOf(row.getString(1)), row.getLong(2));
                });
        return counts;
    }

    private List<TopProduct> topProducts(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select product_id, max(sku), max(name), sum(quantity), sum(revenue_paise) from analytics_product_sale
                where sale_day between :from and :to group by product_id
                order by sum(revenue_paise) desc, product_id limit :top""")
                .param("from", from).param("to", to).param("top", properties.topProducts())
                .query((row, n) -> new TopProduct(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                        Money.ofPaise(row.getLong(5))))
                .list();
    }

}
