package com.buildnest.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.analytics.Dashboard.Day;
import com.buildnest.analytics.Dashboard.TopCategory;
import com.buildnest.analytics.Dashboard.TopProduct;
import com.buildnest.catalog.ProductCatalog;
import com.buildnest.catalog.ProductCatalog.CategoryRef;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;

/**
 * Reads the sales facts for a range of days: five grouped queries, each by an indexed day range
 * of one table (the day of payment, of refund, of payment failure, of placing, of sale), and one
 * question to the catalogue for the categories of the products sold, whatever the range's size.
 */
@Service
public class SalesDashboard {

    private static final CategoryRef NOT_IN_CATALOGUE = new CategoryRef(0, "", "Not in the catalogue");

    private final JdbcClient jdbc;
    private final ProductCatalog catalog;
    private final AnalyticsProperties properties;
    private final Clock clock;

    SalesDashboard(JdbcClient jdbc, ProductCatalog catalog, AnalyticsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The dashboard of {@code from} to {@code to}, both included; both null: the last days up to
     * today. The range is the caller's to check first ({@link DashboardRange}).
     */
    @Transactional(readOnly = true)
    public Dashboard of(LocalDate from, LocalDate to) {
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
        Map<LocalDate, Long> failures = new HashMap<>();
        jdbc.sql("""
                select failed_day, count(*) from analytics_order_fact
                where failed_day between :from and :to group by failed_day""")
                .param("from", from).param("to", to)
                .query(row -> {
                    failures.put(row.getObject(1, LocalDate.class), row.getLong(2));
                });
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Sales sold = sales.getOrDefault(day, new Sales(0, 0));
            days.add(new Day(day, sold.orders(), Money.ofPaise(sold.revenuePaise()),
                    Money.ofPaise(refunds.getOrDefault(day, 0L)), failures.getOrDefault(day, 0L)));
        }
        List<TopProduct> sold = productsSold(from, to);
        return new Dashboard(from, to, Money.CURRENCY, Dashboard.Totals.of(days), days, byStatus(from, to),
                sold.stream().limit(properties.topProducts()).toList(), topCategories(sold));
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

    /** Every product the range's paid orders sold, highest revenue first (ties by product id). */
    private List<TopProduct> productsSold(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select product_id, max(sku), max(name), sum(quantity), sum(revenue_paise) from analytics_product_sale
                where sale_day between :from and :to group by product_id
                order by sum(revenue_paise) desc, product_id""")
                .param("from", from).param("to", to)
                .query((row, n) -> new TopProduct(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                        Money.ofPaise(row.getLong(5))))
                .list();
    }

    /**
     * The products' revenue by the category each is shelved in now, highest first (ties by name), at
     * most as many as the top products; products the catalogue no longer knows count together.
     */
    private List<TopCategory> topCategories(List<TopProduct> sold) {
        Map<Long, CategoryRef> shelves = catalog.categoriesOf(sold.stream().map(TopProduct::productId).toList());
        Map<CategoryRef, Money> revenue = new LinkedHashMap<>();
        for (TopProduct product : sold) {
            revenue.merge(shelves.getOrDefault(product.productId(), NOT_IN_CATALOGUE), product.revenue(),
                    Money::plus);
        }
        return revenue.entrySet().stream()
                .map(entry -> new TopCategory(entry.getKey() == NOT_IN_CATALOGUE ? null : entry.getKey().id(),
                        entry.getKey().name(), entry.getValue()))
                .sorted(Comparator.comparing(TopCategory::revenue).reversed().thenComparing(TopCategory::name))
                .limit(properties.topProducts()).toList();
    }

}
